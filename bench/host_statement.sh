#!/usr/bin/env bash
# Benchmark (not a test): a host's statement, GET /v1/hosts/{id}/statement for the year 2025, on
# the money benchmark's territory (30,000 accommodations, 3.5 million stay lines, 100,000
# payments: the database bench/reconciliation.sh loads). Target (issue 7): under 20 ms at the
# 99th percentile through HTTP.
#
# Run by `make bench` after bench/reconciliation.sh (it reuses the database nuitee_bench_money and
# loads it through that script when it is missing), or by hand:
# NUITEE_BENCH_PG="host=… port=… dbname=postgres user=postgres" NUITEE_BIN=build/release/nuitee \
#   bench/host_statement.sh [SCALE_PERCENT]
# Method: `nuitee serve` with the defaults; the 100 hosts with the most entries on their account
# and 100 others drawn by hash; a warm-up pass over them, then NUITEE_BENCH_STATEMENT_REQUESTS
# (2,000) requests one after the other, each on its own connection (curl's keep-alive with
# Pistache 0.0.5 stalled, ../shared/STACK.md), each timed by curl; percentiles of those times.
# Knobs: NUITEE_BENCH_PORT (18599), those of bench/lib/machine.sh.
# Results: stdout, and var/bench/host_statement-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh) or set NUITEE_BENCH_PG}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh) or set NUITEE_BIN}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"

SCALE="${1:-${NUITEE_BENCH_RECON_SCALE:-100}}"
DB=nuitee_bench_money
REQUESTS="${NUITEE_BENCH_STATEMENT_REQUESTS:-2000}"
TARGET_MS=20

ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
[[ "$DB_URL" != "$ADMIN_URL" ]] || { echo "NUITEE_BENCH_PG has no dbname=postgres: $ADMIN_URL" >&2; exit 1; }

mkdir -p var/bench
REPORT="var/bench/host_statement-$(date -u +%Y%m%dT%H%M%SZ).txt"
SERVER_LOG="$(mktemp /tmp/nuitee-bench-statement-server.XXXXXX)"
WORK="$(mktemp -d /tmp/nuitee-bench-statement.XXXXXX)"
server_pid=""

say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
psql_admin() { psql "$ADMIN_URL" -X -q -tA -v ON_ERROR_STOP=1; }
psql_db() { psql "$DB_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
# shellcheck source=bench/lib/machine.sh
. bench/lib/machine.sh

# shellcheck disable=SC2317  # called from the trap
stop_server() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill -TERM "$server_pid"
		wait "$server_pid" 2>/dev/null || true
	fi
	server_pid=""
	if [[ -f "$SERVER_LOG" ]]; then
		{ echo "--- server log:"; tail -n 20 "$SERVER_LOG"; } >>"$REPORT"
		rm -f "$SERVER_LOG"
	fi
}
# The timings in $WORK are read after the server is stopped: removed only on exit.
# shellcheck disable=SC2317  # called from the trap
clean_up() {
	stop_server
	rm -rf "$WORK"
}
trap clean_up EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------
# Data: the money benchmark's; loaded by its script when missing (it runs its own measures too).
loaded="$(psql_admin <<<"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$DB'")"
if [[ "$loaded" != money* ]]; then
	say "no $DB yet: loading it with bench/reconciliation.sh $SCALE"
	bash bench/reconciliation.sh "$SCALE" >/dev/null
fi
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
collectivity="$(psql_db <<<"SELECT id FROM collectivities WHERE siren = '200099999'")"
[[ -n "$collectivity" ]] || { say "no bench collectivity in $DB"; exit 1; }
psql_db <<<"SELECT 'dataset: ' || (SELECT count(*) FROM accommodations) || ' accommodations, '
  || (SELECT count(*) FROM declaration_lines) || ' stay lines, '
  || (SELECT count(*) FROM ledger_entries) || ' ledger entries, '
  || (SELECT count(*) FROM payments) || ' payments'" | tee -a "$REPORT" >&2
# The heaviest accounts, and others drawn by hash.
psql_db >"$WORK/hosts" <<-SQL
	(SELECT host_id FROM ledger_postings WHERE account = 'host_receivable'
	 GROUP BY host_id ORDER BY count(*) DESC, host_id LIMIT 100)
	UNION
	(SELECT id FROM hosts WHERE collectivity_id = '$collectivity' ORDER BY md5(id::text) LIMIT 100)
SQL
psql_db <<<"SELECT 'heaviest account: ' || max(n) || ' postings' FROM (SELECT count(*) AS n
  FROM ledger_postings WHERE account = 'host_receivable' GROUP BY host_id) s" | tee -a "$REPORT" >&2

# ----------------------------------------------------------------------------------------------
# Server
port="${NUITEE_BENCH_PORT:-18599}"
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
NUITEE_DATABASE_URL="$DB_URL" NUITEE_BIND=127.0.0.1 NUITEE_PORT="$port" \
	"$NUITEE_BIN" serve >"$SERVER_LOG" 2>&1 &
server_pid=$!
BENCH_OWN_PIDS=("$server_pid")
for _ in $(seq 1 100); do
	if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then break; fi
	kill -0 "$server_pid" 2>/dev/null || { cat "$SERVER_LOG" >&2; say "server exited"; exit 1; }
	sleep 0.1
done
# shellcheck source=bench/lib/sign_in.sh
. bench/lib/sign_in.sh
token="$(bench_staff_token "$NUITEE_BIN" "$DB_URL" "$collectivity" "http://127.0.0.1:$port")"

# One line per request: "seconds status bytes".
run_requests() { # count
	local count="$1" i=0
	while ((i < count)); do
		while read -r host && ((i < count)); do
			curl -sS -o /dev/null -H "Authorization: Bearer $token" -H 'Connection: close' \
				-w '%{time_total} %{http_code} %{size_download}\n' \
				"http://127.0.0.1:$port/v1/hosts/$host/statement?from=2025-01&to=2025-12"
			i=$((i + 1))
		done <"$WORK/hosts"
	done
}
run_requests "$(wc -l <"$WORK/hosts")" >/dev/null  # warm-up
bench_wait_for_idle_cpus
run_requests "$REQUESTS" >"$WORK/times"
stop_server

failed=0
awk '$2 != 200 { bad++ } END { exit bad > 0 }' "$WORK/times" || { failed=1; say "some requests failed"; }
summary="$(sort -n "$WORK/times" | awk -v target="$TARGET_MS" '
	{ t[NR] = $1 * 1000; bytes += $3 }
	END {
		p50 = t[int(NR * 0.50)]; p95 = t[int(NR * 0.95)]; p99 = t[int(NR * 0.99)]; max = t[NR]
		printf "host statement, year 2025, %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f bytes on average: %s\n",
			NR, p50, p95, p99, max, bytes / NR, (p99 < target ? "ok" : "MISS (>= " target " ms)")
	}')"
printf '\n%s, %s CPUs, %s\n' "$summary" "$(nproc)" "$(date -u +%FT%TZ)" | tee -a "$REPORT"
say "report: $REPORT"
exit "$failed"
