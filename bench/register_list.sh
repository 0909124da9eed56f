#!/usr/bin/env bash
# Benchmark (not a test): list and search a generated register of 500,000 accommodations through
# HTTP, GET /v1/collectivities/{id}/accommodations, and report req/s, p50 and p99 per kind of
# request. Target (the register's issue): p99 under 50 ms on a 2-core machine.
#
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_ROOT and NUITEE_BIN.
# Steps: database nuitee_bench (reused when it already holds this very load), `nuitee migrate`,
# bench/load_register.sql, `nuitee serve` on 127.0.0.1, a warm-up, then wrk with
# bench/register_list.lua: the mix (-t2 -c16), and each kind alone at 16 connections and at 1.
#
# Knobs (environment): NUITEE_BENCH_ACCOMMODATIONS (500000), NUITEE_BENCH_HOSTS (150000),
# NUITEE_BENCH_PORT (18099, the next free one is taken), NUITEE_BENCH_MIX_DURATION (20s),
# NUITEE_BENCH_KIND_DURATION (10s), NUITEE_BENCH_SERIAL_DURATION (5s, 0 to skip),
# NUITEE_BENCH_KINDS (all), NUITEE_BENCH_RELOAD=1 (reload even if the data is current),
# NUITEE_BENCH_IDLE_WAIT and NUITEE_BENCH_RETRIES (bench/lib/machine.sh), NUITEE_BENCH_SESSION_OPTIONS
# (server settings for the service's sessions, e.g. "-c max_parallel_workers_per_gather=0").
# Results: stdout, and var/bench/register_list-<UTC time>.txt (wrk outputs, summary, server warnings).
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh)}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh)}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"

DB=nuitee_bench
ACCOMMODATIONS="${NUITEE_BENCH_ACCOMMODATIONS:-500000}"
HOSTS="${NUITEE_BENCH_HOSTS:-150000}"
MIX_DURATION="${NUITEE_BENCH_MIX_DURATION:-20s}"
KIND_DURATION="${NUITEE_BENCH_KIND_DURATION:-10s}"
SERIAL_DURATION="${NUITEE_BENCH_SERIAL_DURATION:-5s}"
KINDS="${NUITEE_BENCH_KINDS:-first_page deep_page commune nature status category search_name search_host search_number}"
THREADS=4
TARGET_P99_MS=50

ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
[[ "$DB_URL" != "$ADMIN_URL" ]] || { echo "NUITEE_BENCH_PG has no dbname=postgres: $ADMIN_URL" >&2; exit 1; }
# Server settings for the service's sessions only, e.g. "-c max_parallel_workers_per_gather=0".
SERVER_DB_URL="$DB_URL"
if [[ -n "${NUITEE_BENCH_SESSION_OPTIONS:-}" ]]; then SERVER_DB_URL+=" options='$NUITEE_BENCH_SESSION_OPTIONS'"; fi

mkdir -p var/bench
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
REPORT="var/bench/register_list-$STAMP.txt"
SERVER_LOG="$(mktemp /tmp/nuitee-bench-server.XXXXXX)"
server_pid=""

say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
psql_admin() { psql "$ADMIN_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql "$DB_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
# shellcheck source=bench/lib/machine.sh
. bench/lib/machine.sh

stop_server() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill -TERM "$server_pid"
		wait "$server_pid" 2>/dev/null || true
	fi
	server_pid=""
	if [[ -f "$SERVER_LOG" ]]; then
		# Keep what is not a routine request line; 400k request lines are not worth keeping.
		{
			echo "--- server log: $(grep -c '"event":"request"' "$SERVER_LOG" || true) request lines, other lines:"
			grep -v '"event":"request"' "$SERVER_LOG" | tail -n 50 || true
			grep '"event":"request"' "$SERVER_LOG" | grep -v '"status":200' | head -n 20 || true
		} >>"$REPORT"
		rm -f "$SERVER_LOG"
	fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------
# Data: reload only when the loader, the migrations or the sizes changed since the last load.
signature="$(cat bench/load_register.sql migrations/*.sql | sha256sum | cut -c1-16) $HOSTS/$ACCOMMODATIONS"
loaded="$(psql_admin -v db="$DB" <<<"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :'db'")"
if [[ "${NUITEE_BENCH_RELOAD:-0}" != 1 && "$loaded" == "register $signature" ]]; then
	say "reusing database $DB ($loaded)"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
else
	say "loading $DB: $HOSTS hosts, $ACCOMMODATIONS accommodations"
	t0=$SECONDS
	psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
	psql_admin <<<"CREATE DATABASE $DB"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
	psql_db -v hosts="$HOSTS" -v accommodations="$ACCOMMODATIONS" -f bench/load_register.sql \
		| tail -n 1 | tee -a "$REPORT" >&2
	psql_admin <<<"COMMENT ON DATABASE $DB IS 'register $signature'"
	say "loaded in $((SECONDS - t0)) s (hosts|accommodations|classified today|classification rows above)"
fi

collectivity="$(psql_db <<<"SELECT id FROM collectivities WHERE siren = '200099999'")"
[[ -n "$collectivity" ]] || { say "no bench collectivity in $DB"; exit 1; }
export NUITEE_BENCH_COLLECTIVITY="$collectivity"
NUITEE_BENCH_COMMUNES="$(psql_db <<<"SELECT string_agg(c->>'insee_code', '|') FROM collectivities, jsonb_array_elements(communes) c WHERE id = '$collectivity'")"
NUITEE_BENCH_MAX_SEQ="$(psql_db <<<"SELECT max(seq) FROM accommodations")"
NUITEE_BENCH_TODAY="$(TZ=Europe/Paris date +%F)"
# Free-text terms as a person types them: the first 3 to 6 letters of a word of a name, of a host's
# name, or 4 to 6 digits of a registration number; drawn from random rows, so every term matches.
terms_from() { # SQL expression giving the text, number of terms
	psql_db <<-SQL
		SELECT string_agg(term, '|') FROM (
		  SELECT left(w, 3 + (abs(hashtext(w || seq)) % 4)) AS term FROM (
		    SELECT a.seq, (SELECT w FROM regexp_split_to_table(lower($1), '[^[:alpha:]]+') w
		                   WHERE length(w) >= 4 ORDER BY hashtext(w || a.seq) LIMIT 1) AS w
		    FROM accommodations a WHERE a.seq % 997 = 11 LIMIT $2) s
		  WHERE w IS NOT NULL) t
	SQL
}
NUITEE_BENCH_TERMS_NAME="$(terms_from a.name 200)"
NUITEE_BENCH_TERMS_HOST="$(terms_from a.host_name 200)"
NUITEE_BENCH_TERMS_NUMBER="$(psql_db <<-SQL
	SELECT string_agg(substr(registration_number, 6 + (seq % 3)::int, 4 + (seq % 3)::int), '|') FROM (
	  SELECT seq, registration_number FROM accommodations
	  WHERE registration_number IS NOT NULL AND seq % 1999 = 7 LIMIT 200) s
SQL
)"
export NUITEE_BENCH_COMMUNES NUITEE_BENCH_MAX_SEQ NUITEE_BENCH_TODAY NUITEE_BENCH_TERMS_NAME \
	NUITEE_BENCH_TERMS_HOST NUITEE_BENCH_TERMS_NUMBER
psql_db <<<"SELECT 'dataset: ' || (SELECT count(*) FROM hosts) || ' hosts, ' || count(*) || ' accommodations, '
  || count(*) FILTER (WHERE registration_number IS NOT NULL) || ' with a registration number, '
  || (SELECT count(*) FROM classifications) || ' classification rows' FROM accommodations" | tee -a "$REPORT" >&2

# ----------------------------------------------------------------------------------------------
# A busy machine (a build next door) halves the figures: wait a little for the CPUs to calm down,
# and say in the report how idle they were (bench/lib/machine.sh).
bench_wait_for_idle_cpus

# ----------------------------------------------------------------------------------------------
# Server
port="${NUITEE_BENCH_PORT:-18099}"
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
NUITEE_DATABASE_URL="$SERVER_DB_URL" NUITEE_BIND=127.0.0.1 NUITEE_PORT="$port" NUITEE_THREADS="$THREADS" \
	"$NUITEE_BIN" serve >"$SERVER_LOG" 2>&1 &
server_pid=$!
BENCH_OWN_PIDS=("$server_pid")
for _ in $(seq 1 100); do
	if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then break; fi
	kill -0 "$server_pid" 2>/dev/null || { cat "$SERVER_LOG" >&2; say "server exited"; exit 1; }
	sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null || { say "server not ready on port $port"; exit 1; }
# shellcheck source=bench/lib/sign_in.sh
. bench/lib/sign_in.sh
NUITEE_BENCH_TOKEN="$(bench_staff_token "$NUITEE_BIN" "$DB_URL" "$collectivity" "http://127.0.0.1:$port")"
export NUITEE_BENCH_TOKEN
URL="http://127.0.0.1:$port"
say "server $NUITEE_BIN serve on $URL, $THREADS threads, pool size $((THREADS + 1)) (default)${NUITEE_BENCH_SESSION_OPTIONS:+, session options: $NUITEE_BENCH_SESSION_OPTIONS}"

# A smoke check: the list answers 200 with items before anything is measured.
first="$(curl -fsS -H "Authorization: Bearer $NUITEE_BENCH_TOKEN" "$URL/v1/collectivities/$collectivity/accommodations?limit=50")"
[[ "$first" == *'"items":[{'* ]] || { say "first page has no items: ${first:0:300}"; exit 1; }

# ----------------------------------------------------------------------------------------------
# Load
# CPU used by processes other than wrk, the server and this cluster while a run lasts, in % of the
# machine: a build next door shows here, and the row is flagged instead of silently slower.
declare -a results=()
run_wrk() { # label, kind, wrk options...
	local label="$1" kind="$2" out other
	shift 2
	say "wrk $* -s bench/register_list.lua $URL   (NUITEE_BENCH_KIND=$kind)"
	NUITEE_BENCH_KIND="$kind" bench_measure out other "$label" \
		wrk "$@" --latency -s bench/register_list.lua "$URL"
	printf '%s\n' "$out" >>"$REPORT"
	local line
	line="$(grep '^RESULT ' <<<"$out" | tail -n 1)"
	[[ -n "$line" ]] || { printf '%s\n' "$out" >&2; say "wrk gave no RESULT line"; exit 1; }
	results+=("$label ${line#RESULT } other_cpu=$other")
}

run_wrk warm-up mix -t2 -c16 -d5s
run_wrk "mix c16" mix -t2 -c16 -d"$MIX_DURATION"
for kind in $KINDS; do
	run_wrk "$kind c16" "$kind" -t2 -c16 -d"$KIND_DURATION"
	if [[ "$SERIAL_DURATION" != 0 ]]; then run_wrk "$kind c1" "$kind" -t1 -c1 -d"$SERIAL_DURATION"; fi
done
stop_server
say "CPUs $(bench_cpu_idle_percent)% idle after the run; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ----------------------------------------------------------------------------------------------
# Summary
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
failed=0
row() { printf '%-20s %10s %9s %9s %9s %9s %8s %6s  %s\n' "$@"; }
summary="$(printf '\nregister list/search, %s accommodations, %s CPUs, %s\n' "$ACCOMMODATIONS" "$(nproc)" "$(date -u +%FT%TZ)")"
summary+=$'\n'"$(row run req/s p50_ms p90_ms p99_ms max_ms non2xx other% verdict)"
for r in "${results[@]}"; do
	label="${r%% kind=*}"
	p99="$(field p99_ms "$r")"
	non2xx="$(field non2xx "$r")"
	verdict=ok
	if awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p >= t) }'; then verdict="MISS (p99 >= $TARGET_P99_MS ms)"; fi
	if (($(field other_cpu "$r") >= 10)); then verdict+=", machine busy"; fi
	[[ "$label" == warm-up ]] && verdict="(not counted)"
	if [[ "$non2xx" != 0 || "$(field socket_errors "$r")" != 0 ]]; then verdict="ERRORS"; failed=1; fi
	summary+=$'\n'"$(row "$label" "$(field rps "$r")" "$(field p50_ms "$r")" "$(field p90_ms "$r")" "$p99" \
		"$(field max_ms "$r")" "$non2xx" "$(field other_cpu "$r")" "$verdict")"
done
printf '%s\n' "$summary" | tee -a "$REPORT"
say "report: $REPORT"
# A missed latency target is a finding, not a failure; errors (non-2xx, sockets) fail the run.
exit "$failed"
