#!/usr/bin/env bash
# Benchmark (not a test): submitting monthly declarations through HTTP, POST
# /v1/accommodations/{id}/declarations/{month}/submit with 10 stays, each request a month never
# declared, next to the raw PostgreSQL insert of the same rows with pgbench in the same run (a
# revision and its 10 lines, bench/declaration_insert.sql). Target (the declarations' issue): at
# least 1,000 declarations a second on this 2-core machine with p99 under 50 ms; reported with the
# ratio to pgbench.
#
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_ROOT and NUITEE_BIN.
# Steps: database nuitee_bench_declare, created afresh every run (a run uses its months up):
# `nuitee migrate`, bench/load_register.sql (NUITEE_BENCH_DECLARE_HOSTS 6,000 hosts and
# NUITEE_BENCH_DECLARE_ACCOMMODATIONS 20,000 accommodations), `nuitee serve`, the deliberations of
# 2025 and 2026 through the API. The meublés open every night of 2025-01..2026-10 with 4 beds or
# more (about half) are listed for bench/declaration_submit.lua. Then a warm-up, and twice, one
# after the other: pgbench, wrk (-t2 -c16); then wrk with an Idempotency-Key on every request, wrk
# without `Prefer: return=minimal` (the full answer, 20 kB), and wrk at 1 connection (the service
# time without queueing) with and without it. Every wrk run also reports the CPU time the server
# and PostgreSQL spent per declaration (from /proc), the figure to compare on a shared machine.
#
# Knobs: NUITEE_BENCH_DECLARE_DURATION (10s), NUITEE_BENCH_DECLARE_QUICK (see below),
# NUITEE_BENCH_PORT (18299, the next free one is taken), and those of bench/lib/machine.sh
# (NUITEE_BENCH_IDLE_WAIT, NUITEE_BENCH_RETRIES).
# Results: stdout, and var/bench/declaration_submit-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh)}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh)}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"

DB=nuitee_bench_declare
HOSTS="${NUITEE_BENCH_DECLARE_HOSTS:-6000}"
ACCOMMODATIONS="${NUITEE_BENCH_DECLARE_ACCOMMODATIONS:-20000}"
DURATION="${NUITEE_BENCH_DECLARE_DURATION:-10s}"
THREADS=4
WRK_THREADS=2
CONNECTIONS=16
MONTHS=22  # 2025-01 to 2026-10
TARGET_RPS=1000
TARGET_P99_MS=50
# NUITEE_BENCH_DECLARE_QUICK=1: no pgbench, one round, no Idempotency-Key run (to compare two
# builds by their CPU per declaration).
QUICK="${NUITEE_BENCH_DECLARE_QUICK:-0}"
ROUNDS=2
((QUICK)) && ROUNDS=1

ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
[[ "$DB_URL" != "$ADMIN_URL" ]] || { echo "NUITEE_BENCH_PG has no dbname=postgres: $ADMIN_URL" >&2; exit 1; }

mkdir -p var/bench
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
REPORT="var/bench/declaration_submit-$STAMP.txt"
SERVER_LOG="$(mktemp /tmp/nuitee-bench-declare-server.XXXXXX)"
IDS_FILE="$(mktemp /tmp/nuitee-bench-declare-ids.XXXXXX)"
server_pid=""

say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
psql_admin() { psql "$ADMIN_URL" -X -q -tA -v ON_ERROR_STOP=1; }
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
		{
			echo "--- server log: $(grep -c '"event":"request"' "$SERVER_LOG" || true) request lines, other lines:"
			grep -v '"event":"request"' "$SERVER_LOG" | tail -n 50 || true
			grep '"event":"request"' "$SERVER_LOG" | grep -v '"status":201' | head -n 20 || true
		} >>"$REPORT"
		rm -f "$SERVER_LOG"
	fi
}
# shellcheck disable=SC2317  # called from the trap
cleanup() {
	stop_server
	rm -f "$IDS_FILE" "${OFFSET_FILE:-}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------
# Data: a register, then its deliberations through the API (validated as an office's would be).
say "loading $DB: $HOSTS hosts, $ACCOMMODATIONS accommodations"
t0=$SECONDS
psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin <<<"CREATE DATABASE $DB"
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
psql_db -v hosts="$HOSTS" -v accommodations="$ACCOMMODATIONS" -f bench/load_register.sql \
	| tail -n 1 | tee -a "$REPORT" >&2
say "loaded in $((SECONDS - t0)) s (hosts|accommodations|classified today|classification rows above)"
collectivity="$(psql_db <<<"SELECT id FROM collectivities WHERE siren = '200099999'")"
[[ -n "$collectivity" ]] || { say "no bench collectivity in $DB"; exit 1; }

port="${NUITEE_BENCH_PORT:-18299}"
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
NUITEE_DATABASE_URL="$DB_URL" NUITEE_BIND=127.0.0.1 NUITEE_PORT="$port" NUITEE_THREADS="$THREADS" \
	"$NUITEE_BIN" serve >"$SERVER_LOG" 2>&1 &
server_pid=$!
BENCH_OWN_PIDS=("$server_pid")
for _ in $(seq 1 100); do
	if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then break; fi
	kill -0 "$server_pid" 2>/dev/null || { cat "$SERVER_LOG" >&2; say "server exited"; exit 1; }
	sleep 0.1
done
URL="http://127.0.0.1:$port"
curl -fsS "$URL/ready" >/dev/null || { say "server not ready on port $port"; exit 1; }
say "server $NUITEE_BIN serve on $URL, $THREADS threads, pool size $((THREADS + 1)) (default)"
# shellcheck source=bench/lib/sign_in.sh
. bench/lib/sign_in.sh
NUITEE_BENCH_TOKEN="$(bench_staff_token "$NUITEE_BIN" "$DB_URL" "$collectivity" "$URL")"
export NUITEE_BENCH_TOKEN

communes="$(psql_db <<<"SELECT string_agg(format('%s', to_json(c->>'insee_code')), ',') FROM collectivities, jsonb_array_elements(communes) c WHERE id = '$collectivity'")"
for year in 2025 2026; do
	body="$(cat <<-JSON
		{"adopted_on": "$((year - 1))-06-20", "flat_rate_natures": [],
		 "perception_periods": [{"first_night": "$year-01-01", "last_night": "$year-12-31"}],
		 "tariffs_cents": {"palace": 400, "star5": 230, "star4": 165, "star3": 110, "star2": 80,
		                   "star1": 70, "camping_3_5": 55, "camping_1_2": 20},
		 "unclassified_rate_bp": 500, "low_rent_threshold_cents": null, "abatements": [],
		 "communes": [$communes],
		 "additional_taxes": [{"beneficiary": "departement", "label": null, "rate_bp": 1000,
		                       "valid_from": "$year-01-01", "valid_to": null}]}
	JSON
	)"
	status="$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
		-H "Authorization: Bearer $NUITEE_BENCH_TOKEN" \
		-d "$body" "$URL/v1/collectivities/$collectivity/deliberations/$year")"
	[[ "$status" == 201 ]] || { say "deliberation $year: HTTP $status"; exit 1; }
done

# Meublés that may declare every night of 2025-01..2026-10: opened before, never closed nor ceased.
psql_db >"$IDS_FILE" <<-SQL
	SELECT id FROM accommodations
	WHERE collectivity_id = '$collectivity' AND nature = 'furnished_rental' AND capacity_persons >= 4
	  AND (opened_on IS NULL OR opened_on < '2024-12-01') AND ceased_on IS NULL AND closures = '[]'
	ORDER BY seq
SQL
eligible="$(grep -c . "$IDS_FILE")"
capacity=$((eligible * MONTHS))
say "$eligible accommodations may declare $MONTHS months each: $capacity fresh months"
export NUITEE_BENCH_COLLECTIVITY="$collectivity" NUITEE_BENCH_IDS_FILE="$IDS_FILE" \
	NUITEE_BENCH_MONTHS="$MONTHS"

# A smoke check with the first slot: 201 and a computed month.
first_id="$(head -n 1 "$IDS_FILE")"
sample="$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $NUITEE_BENCH_TOKEN" \
	-d '{"stays":[{"arrival":"2025-01-01","nights":2,"occupants":3,"exempt":{"minors":1},"price_per_night_cents":9000}]}' \
	"$URL/v1/accommodations/$first_id/declarations/2025-01/submit")"
[[ "$sample" == *'"state":"submitted"'* ]] || { say "submit failed: ${sample:0:300}"; exit 1; }
say "sample answer: ${#sample} bytes for one stay"

# pgbench's target: a real accommodation, a month no request uses, a real line's detail document.
psql_db <<-SQL
	CREATE SEQUENCE bench_revision;
	CREATE TABLE bench_target AS
	  SELECT a.collectivity_id, a.host_id, a.id AS accommodation_id, a.commune_insee_code,
	         (SELECT detail FROM declaration_lines ORDER BY line_no DESC LIMIT 1) AS detail
	  FROM accommodations a WHERE a.id = '$first_id';
	-- One row: without statistics the planner guesses hundreds, and the estimate of the insert then
	-- crosses jit_above_cost, so every transaction would pay 20 ms of JIT compilation.
	ANALYZE bench_target;
SQL

# ----------------------------------------------------------------------------------------------
# Load
bench_wait_for_idle_cpus
declare -a results=()
record() { # label, RESULT line, other%
	results+=("$1 ${2#RESULT } other_cpu=$3")
}
# The next fresh slot, in a file: bench_measure runs each attempt in a subshell, and an attempt that
# is done again must not reuse the months of the disturbed one.
OFFSET_FILE="$(mktemp /tmp/nuitee-bench-declare-offset.XXXXXX)"
echo 1 >"$OFFSET_FILE"  # slot 0 went to the smoke check
# shellcheck disable=SC2317  # called through bench_measure
# The CPU time (ticks) of the server, and of the cluster (the postmaster, its backends and the
# children it reaped), from /proc: divided by the declarations done, the cost of one.
server_ticks() { bench_pid_ticks "$server_pid"; }
cluster_ticks() {
	local total=0 pid
	[[ -n "$BENCH_POSTMASTER" ]] || { echo 0; return; }
	total=$(bench_pid_ticks "$BENCH_POSTMASTER" children)
	for pid in $(pgrep -P "$BENCH_POSTMASTER" || true); do total=$((total + $(bench_pid_ticks "$pid"))); done
	echo "$total"
}
TICKS_PER_SECOND="$(getconf CLK_TCK)"
# shellcheck disable=SC2317  # called through bench_measure
submit_once() { # idempotency (0/1), minimal answer (0/1), wrk options...: one wrk run from the next fresh slot
	local idempotency="$1" minimal="$2" offset result slots requests s0 p0 s1 p1
	shift 2
	offset="$(cat "$OFFSET_FILE")"
	s0="$(server_ticks)" p0="$(cluster_ticks)"
	result="$(NUITEE_BENCH_OFFSET="$offset" NUITEE_BENCH_IDEMPOTENCY="$idempotency" \
		NUITEE_BENCH_MINIMAL="$minimal" wrk "$@" --latency -s bench/declaration_submit.lua "$URL")"
	s1="$(server_ticks)" p1="$(cluster_ticks)"
	slots="$(sed -n 's/^RESULT .* slots=\([0-9]*\).*/\1/p' <<<"$result")"
	requests="$(sed -n 's/^RESULT .* requests=\([0-9]*\).*/\1/p' <<<"$result")"
	echo $((offset + ${slots:-0})) >"$OFFSET_FILE"
	# Milliseconds of CPU per declaration, server and PostgreSQL (wrk and the kernel's network
	# work for wrk not counted).
	result="$(awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v n="${requests:-0}" -v hz="$TICKS_PER_SECOND" '
		/^RESULT / { if (n > 0) printf "%s server_cpu_ms=%.3f pg_cpu_ms=%.3f cpu_ms=%.3f\n", $0,
			1000 * s / hz / n, 1000 * p / hz / n, 1000 * (s + p) / hz / n; else print; next } { print }' <<<"$result")"
	printf '%s\n' "$result"
}
run_wrk() { # label, idempotency (0/1), minimal answer (0/1), wrk threads, other wrk options...
	local label="$1" idempotency="$2" minimal="$3" threads="$4" out other line
	shift 4
	say "wrk -t$threads $* -s bench/declaration_submit.lua $URL   (from slot $(cat "$OFFSET_FILE"), Idempotency-Key: $idempotency)"
	NUITEE_BENCH_THREADS="$threads" bench_measure out other "$label" submit_once "$idempotency" "$minimal" -t"$threads" "$@"
	printf '%s\n' "$out" >>"$REPORT"
	line="$(grep '^RESULT ' <<<"$out" | tail -n 1)"
	[[ -n "$line" ]] || { printf '%s\n' "$out" >&2; say "wrk gave no RESULT line"; exit 1; }
	(($(cat "$OFFSET_FILE") < capacity)) || { say "out of fresh months ($(cat "$OFFSET_FILE") of $capacity)"; exit 1; }
	say "$label: ${line#RESULT } other_cpu=$other"
	record "$label" "$line" "$other"
}
run_pgbench() { # label
	local label="$1" out other tps
	say "pgbench -n -c 4 -j 2 -T ${DURATION%s} -f bench/declaration_insert.sql $DB"
	bench_measure out other "$label" \
		pgbench "$DB_URL" -n -c 4 -j 2 -T "${DURATION%s}" -f bench/declaration_insert.sql
	printf '%s\n' "$out" >>"$REPORT"
	tps="$(sed -n 's/^tps = \([0-9]*\.[0-9]\).*/\1/p' <<<"$out" | tail -n 1)"
	[[ -n "$tps" ]] || { printf '%s\n' "$out" >&2; say "pgbench gave no tps"; exit 1; }
	local latency
	latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")"
	say "$label: $tps transactions/s, average latency $latency ms, other_cpu=$other"
	record "$label" "RESULT rps=$tps p50_ms=- p90_ms=- p99_ms=- max_ms=- non2xx=0 socket_errors=0 avg_ms=$latency" "$other"
}

run_wrk warm-up 0 1 "$WRK_THREADS" -c"$CONNECTIONS" -d5s
for round in $(seq 1 "$ROUNDS"); do
	((QUICK)) || run_pgbench "pgbench (round $round)"
	run_wrk "submit c$CONNECTIONS (round $round)" 0 1 "$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION"
done
((QUICK)) || run_wrk "submit c$CONNECTIONS + Idempotency-Key" 1 1 "$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION"
run_wrk "submit c$CONNECTIONS, full answer" 0 0 "$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION"
run_wrk "submit c1" 0 1 1 -c1 -d5s
run_wrk "submit c1, full answer" 0 0 1 -c1 -d5s
stop_server
say "CPUs $(bench_cpu_idle_percent)% idle after the run; load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "rows: $(psql_db <<<"SELECT (SELECT count(*) FROM declaration_revisions) || ' revisions, ' || (SELECT count(*) FROM declaration_lines) || ' lines, ' || (SELECT count(*) FROM declaration_night_totals) || ' night totals'")"

# ----------------------------------------------------------------------------------------------
# Summary
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
failed=0
best_submit=0
best_pgbench=0
row() { printf '%-34s %10s %9s %9s %9s %8s %6s %7s %7s  %s\n' "$@"; }
summary="$(printf '\ndeclaration submit, 10 stays each, %s CPUs, %s\n' "$(nproc)" "$(date -u +%FT%TZ)")"
summary+=$'\n'"$(row run 'decl/s' p50_ms p99_ms max_ms non2xx other% srv_ms pg_ms verdict)"
for r in "${results[@]}"; do
	label="${r%% rps=*}"
	rps="$(field rps "$r")"
	p99="$(field p99_ms "$r")"
	verdict=ok
	if [[ "$label" == pgbench* ]]; then
		verdict="(raw insert, avg $(field avg_ms "$r") ms)"
		awk -v a="$rps" -v b="$best_pgbench" 'BEGIN { exit !(a > b) }' && best_pgbench="$rps"
	elif [[ "$label" == warm-up ]]; then
		verdict="(not counted)"
	else
		if awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p >= t) }'; then verdict="MISS (p99 >= $TARGET_P99_MS ms)"; fi
		if [[ "$label" == *c"$CONNECTIONS"* ]] && awk -v a="$rps" -v t="$TARGET_RPS" 'BEGIN { exit !(a < t) }'; then
			verdict="${verdict/ok/}"
			verdict="${verdict:+$verdict, }MISS (< $TARGET_RPS/s)"
		fi
		if [[ "$label" == *round* ]] && awk -v a="$rps" -v b="$best_submit" 'BEGIN { exit !(a > b) }'; then best_submit="$rps"; fi
	fi
	if (($(field other_cpu "$r") >= 10)); then verdict+=", machine busy"; fi
	if [[ "$(field non2xx "$r")" != 0 || "$(field socket_errors "$r")" != 0 ]]; then verdict="ERRORS"; failed=1; fi
	summary+=$'\n'"$(row "$label" "$rps" "$(field p50_ms "$r")" "$p99" "$(field max_ms "$r")" \
		"$(field non2xx "$r")" "$(field other_cpu "$r")" "$(field server_cpu_ms "$r")" \
		"$(field pg_cpu_ms "$r")" "$verdict")"
done
ratio="$(awk -v a="$best_submit" -v b="$best_pgbench" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
summary+=$'\n\n'"best submit $best_submit declarations/s, best pgbench $best_pgbench transactions/s: ratio $ratio"
printf '%s\n' "$summary" | tee -a "$REPORT"
say "report: $REPORT"
# A missed target is a finding, not a failure; errors (non-2xx, sockets) fail the run.
exit "$failed"
