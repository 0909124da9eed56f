#!/usr/bin/env bash
# Benchmark (not a test) of the enforcement calendar (issue 6): one `nuitee worker --once` pass
# over a territory of 100,000 accommodations of which 20 % did not declare January 2026 (the first
# reminders are due: steps, one mail per host, history), then `nuitee send-mail` of those mails
# to a local SMTP sink (tests/support/smtp_catcher.py). Targets: the pass under 10 s; at least 200
# mails per second.
#
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_ROOT and NUITEE_BIN;
# or by hand with those three set (NUITEE_BENCH_PG: a libpq string with dbname=postgres).
# Knobs: NUITEE_BENCH_ACCOMMODATIONS (100000), NUITEE_BENCH_HOSTS (40000),
# NUITEE_BENCH_SEND_LIMIT (mails sent in the send-rate run; default all of them).
# Results: stdout, and var/bench/enforcement_calendar-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh)}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh)}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"

DB=nuitee_bench_enforcement
ACCOMMODATIONS="${NUITEE_BENCH_ACCOMMODATIONS:-100000}"
HOSTS="${NUITEE_BENCH_HOSTS:-40000}"
TODAY=2026-02-20  # January's deadline (Sunday 15 February) moved to the 16th: reminders due
ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
[[ "$DB_URL" != "$ADMIN_URL" ]] || { echo "NUITEE_BENCH_PG has no dbname=postgres" >&2; exit 1; }

mkdir -p var/bench
REPORT="var/bench/enforcement_calendar-$(date -u +%Y%m%dT%H%M%SZ).txt"
say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
psql_admin() { psql "$ADMIN_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql "$DB_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
sink_pid=""
SINK_DIR="$(mktemp -d /tmp/nuitee-bench-sink.XXXXXX)"
cleanup() {
	if [[ -n "$sink_pid" ]]; then kill -TERM "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
	rm -rf "$SINK_DIR"
}
trap cleanup EXIT

say "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "loading $DB: $HOSTS hosts, $ACCOMMODATIONS accommodations (the pass changes it: always reloaded)"
t0=$SECONDS
psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin <<<"CREATE DATABASE $DB"
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
psql_db -v hosts="$HOSTS" -v accommodations="$ACCOMMODATIONS" -f bench/load_enforcement.sql | tail -n 1 | tee -a "$REPORT" >&2
say "loaded in $((SECONDS - t0)) s"

# 1. One pass of the calendar.
start=$(date +%s.%N)
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=info "$NUITEE_BIN" worker --once --today "$TODAY" \
	--portal-url https://nuitee.example 2>>"$REPORT"
end=$(date +%s.%N)
pass_seconds=$(echo "$end - $start" | bc)
steps=$(psql_db <<<"SELECT count(*) FROM enforcement_steps")
mails=$(psql_db <<<"SELECT count(*) FROM mail_outbox")
say "worker --once --today $TODAY: $steps steps, $mails mails queued in ${pass_seconds} s (target < 10 s)"

# 2. The send rate to a local sink.
port=2600
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
/usr/bin/python3 tests/support/smtp_catcher.py serve --port "$port" --maildir "$SINK_DIR/mail" >"$SINK_DIR/log" 2>&1 &
sink_pid=$!
for _ in $(seq 1 100); do grep -q ready "$SINK_DIR/log" 2>/dev/null && break; sleep 0.1; done
if [[ -n "${NUITEE_BENCH_SEND_LIMIT:-}" ]]; then
	psql_db <<<"UPDATE mail_outbox SET next_attempt_at = now() + interval '1 day' WHERE seq > (SELECT min(seq) + ${NUITEE_BENCH_SEND_LIMIT} - 1 FROM mail_outbox)"
fi
due=$(psql_db <<<"SELECT count(*) FROM mail_outbox WHERE next_attempt_at <= now() AND sent_at IS NULL")
start=$(date +%s.%N)
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn NUITEE_SMTP_URL="smtp://127.0.0.1:$port" \
	NUITEE_SMTP_FROM="Taxe de séjour <taxe@bench.invalid>" NUITEE_SMTP_STARTTLS=optional \
	"$NUITEE_BIN" send-mail | tee -a "$REPORT" >&2
end=$(date +%s.%N)
send_seconds=$(echo "$end - $start" | bc)
sent=$(psql_db <<<"SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL")
say "send-mail: $sent of $due due mails in ${send_seconds} s: $(echo "scale=0; $sent / $send_seconds" | bc) mails/s (target >= 200)"
say "report: $REPORT"
