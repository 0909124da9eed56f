#!/usr/bin/env bash
# Benchmark (not a test): the yearly reconciliation report, GET
# /v1/collectivities/{id}/reconciliation?year=2025, over a territory of 30,000 accommodations
# (about 3.5 million stay lines, their ledger entries) and 100,000 payments, grouped by month, by
# category and by commune, as JSON, and once as PDF. Target (issue 7): under 5 seconds.
#
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_ROOT and NUITEE_BIN;
# or by hand against any cluster: NUITEE_BENCH_PG="host=… port=… dbname=postgres user=postgres"
# NUITEE_BIN=build/release/nuitee bench/reconciliation.sh [SCALE_PERCENT]
# Steps: database nuitee_bench_money (reused when it already holds this very load): `nuitee
# migrate`, bench/load_register.sql, bench/load_nights.sql (2025), bench/load_money.sql (the
# ledger's declaration entries, the payments, the budget), then `nuitee serve` and, for each
# grouping, a warm-up request and NUITEE_BENCH_RECON_RUNS (3) timed ones. The report also holds
# the plans of the report's two largest queries (EXPLAIN ANALYZE).
#
# SCALE_PERCENT (default 100) scales the territory and the payments, for machines where the load
# takes too long (the load of 3.5 million lines takes minutes on two shared cores).
# Knobs: NUITEE_BENCH_RELOAD=1, NUITEE_BENCH_PORT (18499), those of bench/lib/machine.sh.
# Results: stdout, and var/bench/reconciliation-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh) or set NUITEE_BENCH_PG}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh) or set NUITEE_BIN}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"

SCALE="${1:-${NUITEE_BENCH_RECON_SCALE:-100}}"
DB=nuitee_bench_money
HOSTS=$((10000 * SCALE / 100))
ACCOMMODATIONS=$((30000 * SCALE / 100))
PAYMENTS=$((100000 * SCALE / 100))
RUNS="${NUITEE_BENCH_RECON_RUNS:-3}"
GROUPINGS="month category commune"
TARGET_SECONDS=5

ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
[[ "$DB_URL" != "$ADMIN_URL" ]] || { echo "NUITEE_BENCH_PG has no dbname=postgres: $ADMIN_URL" >&2; exit 1; }

mkdir -p var/bench
REPORT="var/bench/reconciliation-$(date -u +%Y%m%dT%H%M%SZ).txt"
SERVER_LOG="$(mktemp /tmp/nuitee-bench-money-server.XXXXXX)"
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
signature="$(cat bench/load_register.sql bench/load_nights.sql bench/load_money.sql migrations/*.sql | sha256sum | cut -c1-16) $HOSTS/$ACCOMMODATIONS/$PAYMENTS"
loaded="$(psql_admin <<<"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$DB'")"
if [[ "${NUITEE_BENCH_RELOAD:-0}" != 1 && "$loaded" == "money $signature" ]]; then
	say "reusing database $DB ($loaded)"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
else
	say "loading $DB: $HOSTS hosts, $ACCOMMODATIONS accommodations, their declarations of 2025, $PAYMENTS payments"
	t0=$SECONDS
	psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
	psql_admin <<<"CREATE DATABASE $DB"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
	psql_db -v hosts="$HOSTS" -v accommodations="$ACCOMMODATIONS" -f bench/load_register.sql \
		| tail -n 1 | tee -a "$REPORT" >&2
	say "register loaded in $((SECONDS - t0)) s"
	psql_db -f bench/load_nights.sql | tail -n 1 | tee -a "$REPORT" >&2
	say "declarations loaded in $((SECONDS - t0)) s (months|revisions|lines|night totals above)"
	psql_db -v payments="$PAYMENTS" -f bench/load_money.sql | tail -n 1 | tee -a "$REPORT" >&2
	psql_admin <<<"COMMENT ON DATABASE $DB IS 'money $signature'"
	say "loaded in $((SECONDS - t0)) s (entries|postings|payments above)"
fi
collectivity="$(psql_db <<<"SELECT id FROM collectivities WHERE siren = '200099999'")"
[[ -n "$collectivity" ]] || { say "no bench collectivity in $DB"; exit 1; }
psql_db <<<"SELECT 'dataset: ' || (SELECT count(*) FROM accommodations) || ' accommodations, '
  || (SELECT count(*) FROM declaration_months) || ' months declared, '
  || (SELECT count(*) FROM declaration_lines) || ' stay lines, '
  || (SELECT count(*) FROM ledger_postings) || ' ledger postings, '
  || (SELECT count(*) FROM payments) || ' payments; '
  || pg_size_pretty(pg_database_size(current_database()))" | tee -a "$REPORT" >&2

# ----------------------------------------------------------------------------------------------
# Server
port="${NUITEE_BENCH_PORT:-18499}"
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
URL="http://127.0.0.1:$port/v1/collectivities/$collectivity/reconciliation?year=2025"
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null || { say "server not ready on port $port"; exit 1; }
# shellcheck source=bench/lib/sign_in.sh
. bench/lib/sign_in.sh
AUTH="Authorization: Bearer $(bench_staff_token "$NUITEE_BIN" "$DB_URL" "$collectivity" "http://127.0.0.1:$port")"

# ----------------------------------------------------------------------------------------------
# Load: one request at a time, as finance asks.
bench_wait_for_idle_cpus
# shellcheck disable=SC2317  # called through bench_measure
timed_get() { # query suffix: prints "seconds bytes status"
	curl -sS -o /dev/null -H "$AUTH" -w '%{time_total} %{size_download} %{http_code}\n' "$URL&$1"
}
failed=0
out=""
other=0
summary="$(printf '\nreconciliation report, 2025, %s accommodations, %s payments, %s CPUs, %s\n' \
	"$ACCOMMODATIONS" "$PAYMENTS" "$(nproc)" "$(date -u +%FT%TZ)")"
summary+=$'\n'"$(printf '%-26s %s' request 'seconds per run (other CPU %)')"
for query in group_by=month group_by=category group_by=commune "group_by=quarter&format=pdf"; do
	timed_get "$query" >/dev/null  # warm-up: the cache holds the tables afterwards
	runs=""
	worst=0
	for run in $(seq 1 "$RUNS"); do
		bench_measure out other "$query run $run" timed_get "$query"
		read -r seconds bytes status <<<"$out"
		say "$query run $run: $seconds s, $bytes bytes, HTTP $status, other_cpu=$other"
		[[ "$status" == 200 ]] || failed=1
		runs+=" $seconds ($other)"
		worst="$(awk -v a="$seconds" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')"
	done
	verdict=ok
	awk -v w="$worst" -v t="$TARGET_SECONDS" 'BEGIN { exit !(w >= t) }' && verdict="MISS (>= $TARGET_SECONDS s)"
	summary+=$'\n'"$(printf '%-26s %s  worst %s s: %s' "$query" "$runs" "$worst" "$verdict")"
done
stop_server

# The plans of the report's largest queries (persistence/reconciliation_repository.cpp,
# persistence/money_positions.cpp).
{
	echo "--- EXPLAIN (ANALYZE, BUFFERS), the declarations per cell and per accommodation (work_mem 64MB, as the report sets it):"
	psql_db <<-SQL
		BEGIN;
		SET LOCAL work_mem = '64MB';
		EXPLAIN (ANALYZE, BUFFERS)
		SELECT n.accommodation_id::text, n.month::text, n.commune_insee_code, n.nature, n.category,
		       bit_or(1 << (extract(month FROM n.month)::int - 1)), sum(n.tax_cents)::bigint,
		       sum(n.additional_cents)::bigint, sum(n.total_cents)::bigint
		FROM declaration_months m JOIN declaration_night_totals n
		  ON n.accommodation_id = m.accommodation_id AND n.month = m.month AND n.revision = m.latest_revision
		WHERE m.collectivity_id = '$collectivity' AND m.month >= '2025-01-01' AND m.month < '2026-01-01'
		  AND n.collectivity_id = '$collectivity' AND n.month >= '2025-01-01' AND n.month < '2026-01-01'
		GROUP BY GROUPING SETS ((n.month, n.commune_insee_code, n.nature, n.category),
		                        (n.accommodation_id, n.commune_insee_code, n.nature, n.category));
		COMMIT;
	SQL
	echo "--- EXPLAIN (ANALYZE, BUFFERS), every host's debts (persistence/money_positions.cpp):"
	psql_db <<-SQL
		EXPLAIN (ANALYZE, BUFFERS)
		SELECT l.host_id::text, l.accommodation_id::text, l.period::text, l.kind,
		       sum(l.amount_cents)::bigint, min(l.booked_on)::text FROM ledger_postings l
		WHERE l.collectivity_id = '$collectivity' AND l.account = 'host_receivable'
		  AND l.kind IN ('declaration', 'assessment', 'late_interest')
		GROUP BY l.host_id, l.period, l.accommodation_id, l.kind HAVING sum(l.amount_cents) <> 0
		ORDER BY l.host_id, l.period, l.accommodation_id, l.kind;
	SQL
} >>"$REPORT"
printf '%s\n' "$summary" | tee -a "$REPORT"
say "report: $REPORT"
exit "$failed"
