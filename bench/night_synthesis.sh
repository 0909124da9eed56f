#!/usr/bin/env bash
# Benchmark (not a test): the synthesis of nights, GET /v1/collectivities/{id}/nights, over one year
# of a territory of 30,000 accommodations (about 3.5 million stay lines), grouped by month and by
# month, commune and category. Target (the declarations' issue): under 2 seconds.
#
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_ROOT and NUITEE_BIN.
# Steps: database nuitee_bench_nights (reused when it already holds this very load):
# `nuitee migrate`, bench/load_register.sql (NUITEE_BENCH_NIGHTS_HOSTS 10,000 hosts,
# NUITEE_BENCH_NIGHTS_ACCOMMODATIONS 30,000 accommodations), bench/load_nights.sql (2025), then
# `nuitee serve` and, for each grouping, a warm-up request and NUITEE_BENCH_NIGHTS_RUNS (5) timed
# ones, one after the other. The report also holds the plan of the synthesis' SQL
# (EXPLAIN ANALYZE) for the finest grouping.
#
# Knobs: NUITEE_BENCH_RELOAD=1 (reload even if the data is current), NUITEE_BENCH_PORT (18399),
# and those of bench/lib/machine.sh (NUITEE_BENCH_IDLE_WAIT, NUITEE_BENCH_RETRIES).
# Results: stdout, and var/bench/night_synthesis-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh)}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh)}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"

DB=nuitee_bench_nights
HOSTS="${NUITEE_BENCH_NIGHTS_HOSTS:-10000}"
ACCOMMODATIONS="${NUITEE_BENCH_NIGHTS_ACCOMMODATIONS:-30000}"
RUNS="${NUITEE_BENCH_NIGHTS_RUNS:-5}"
GROUPINGS="month month,commune,category"
TARGET_SECONDS=2

ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
[[ "$DB_URL" != "$ADMIN_URL" ]] || { echo "NUITEE_BENCH_PG has no dbname=postgres: $ADMIN_URL" >&2; exit 1; }

mkdir -p var/bench
REPORT="var/bench/night_synthesis-$(date -u +%Y%m%dT%H%M%SZ).txt"
SERVER_LOG="$(mktemp /tmp/nuitee-bench-nights-server.XXXXXX)"
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
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------
# Data: reload only when the loaders, the migrations or the sizes changed since the last load.
signature="$(cat bench/load_register.sql bench/load_nights.sql migrations/*.sql | sha256sum | cut -c1-16) $HOSTS/$ACCOMMODATIONS"
loaded="$(psql_admin <<<"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$DB'")"
if [[ "${NUITEE_BENCH_RELOAD:-0}" != 1 && "$loaded" == "nights $signature" ]]; then
	say "reusing database $DB ($loaded)"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
else
	say "loading $DB: $HOSTS hosts, $ACCOMMODATIONS accommodations, their declarations of 2025"
	t0=$SECONDS
	psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
	psql_admin <<<"CREATE DATABASE $DB"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
	psql_db -v hosts="$HOSTS" -v accommodations="$ACCOMMODATIONS" -f bench/load_register.sql \
		| tail -n 1 | tee -a "$REPORT" >&2
	say "register loaded in $((SECONDS - t0)) s (hosts|accommodations|classified today|classification rows)"
	psql_db -f bench/load_nights.sql | tail -n 1 | tee -a "$REPORT" >&2
	psql_admin <<<"COMMENT ON DATABASE $DB IS 'nights $signature'"
	say "loaded in $((SECONDS - t0)) s (months|revisions|lines|night totals above)"
fi
collectivity="$(psql_db <<<"SELECT id FROM collectivities WHERE siren = '200099999'")"
[[ -n "$collectivity" ]] || { say "no bench collectivity in $DB"; exit 1; }
psql_db <<<"SELECT 'dataset: ' || (SELECT count(*) FROM accommodations) || ' accommodations, '
  || (SELECT count(*) FROM declaration_months) || ' months declared, '
  || (SELECT count(*) FROM declaration_revisions) || ' revisions, '
  || (SELECT count(*) FROM declaration_lines) || ' stay lines, '
  || (SELECT count(*) FROM declaration_night_totals) || ' night totals; '
  || pg_size_pretty(pg_database_size(current_database()))" | tee -a "$REPORT" >&2

# ----------------------------------------------------------------------------------------------
# Server
port="${NUITEE_BENCH_PORT:-18399}"
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
URL="http://127.0.0.1:$port/v1/collectivities/$collectivity/nights?from=2025-01&to=2025-12"
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null || { say "server not ready on port $port"; exit 1; }
# shellcheck source=bench/lib/sign_in.sh
. bench/lib/sign_in.sh
AUTH="Authorization: Bearer $(bench_staff_token "$NUITEE_BIN" "$DB_URL" "$collectivity" "http://127.0.0.1:$port")"

# ----------------------------------------------------------------------------------------------
# Load: one request at a time, as a referent asks.
bench_wait_for_idle_cpus
# shellcheck disable=SC2317  # called through bench_measure
timed_get() { # group_by: prints "seconds bytes status"
	curl -sS -o /dev/null -H "$AUTH" -w '%{time_total} %{size_download} %{http_code}\n' "$URL&group_by=$1"
}
failed=0
out=""
other=0
summary="$(printf '\nsynthesis of nights, one year, %s accommodations, %s CPUs, %s\n' \
	"$ACCOMMODATIONS" "$(nproc)" "$(date -u +%FT%TZ)")"
summary+=$'\n'"$(printf '%-26s %s' group_by 'seconds per run (other CPU %)')"
for grouping in $GROUPINGS; do
	timed_get "$grouping" >/dev/null  # warm-up: the cache holds the tables afterwards
	runs=""
	worst=0
	for run in $(seq 1 "$RUNS"); do
		bench_measure out other "group_by=$grouping run $run" timed_get "$grouping"
		read -r seconds bytes status <<<"$out"
		say "group_by=$grouping run $run: $seconds s, $bytes bytes, HTTP $status, other_cpu=$other"
		[[ "$status" == 200 ]] || failed=1
		runs+=" $seconds ($other)"
		worst="$(awk -v a="$seconds" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')"
	done
	verdict=ok
	awk -v w="$worst" -v t="$TARGET_SECONDS" 'BEGIN { exit !(w >= t) }' && verdict="MISS (>= $TARGET_SECONDS s)"
	summary+=$'\n'"$(printf '%-26s %s  worst %s s: %s' "$grouping" "$runs" "$worst" "$verdict")"
done
stop_server

# The plan of the synthesis' SQL (persistence/night_synthesis_repository.cpp) for the finest grouping.
{
	echo "--- EXPLAIN (ANALYZE, BUFFERS), group_by=month,commune,category:"
	psql_db <<-SQL
		EXPLAIN (ANALYZE, BUFFERS)
		SELECT t.month::text AS g_month, t.commune_insee_code AS g_commune, t.category AS g_category,
		       coalesce(sum(t.stays), 0)::bigint AS stays, coalesce(sum(t.nights), 0)::bigint AS nights,
		       coalesce(sum(t.person_nights), 0)::bigint AS person_nights,
		       coalesce(sum(t.taxable_person_nights), 0)::bigint AS taxable_person_nights,
		       coalesce(sum(t.exempt_minors_person_nights), 0)::bigint AS exempt_minors,
		       coalesce(sum(t.exempt_seasonal_workers_person_nights), 0)::bigint AS exempt_seasonal_workers,
		       coalesce(sum(t.exempt_emergency_housing_person_nights), 0)::bigint AS exempt_emergency_housing,
		       coalesce(sum(t.exempt_low_rent_person_nights), 0)::bigint AS exempt_low_rent,
		       coalesce(sum(t.tax_cents), 0)::bigint AS tax_cents,
		       coalesce(sum(t.additional_cents), 0)::bigint AS additional_cents,
		       coalesce(sum(t.total_cents), 0)::bigint AS total_cents
		FROM declaration_night_totals t JOIN declaration_months m
		  ON m.accommodation_id = t.accommodation_id AND m.month = t.month AND m.latest_revision = t.revision
		WHERE t.collectivity_id = '$collectivity' AND t.month BETWEEN '2025-01-01' AND '2025-12-01'
		GROUP BY g_month, g_commune, g_category ORDER BY g_month, g_commune, g_category;
	SQL
} >>"$REPORT"
printf '%s\n' "$summary" | tee -a "$REPORT"
say "report: $REPORT"
# A missed target is a finding; a failed request fails the run.
exit "$failed"
