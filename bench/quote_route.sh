#!/usr/bin/env bash
# Benchmark (not a test): the public simulator POST /v1/collectivities/{id}/quotes through HTTP
# against a bare Pistache handler returning a constant JSON (bench/bare_json_server.cpp), measured
# in the same run with the same wrk settings and thread count. Target (the rates engine's issue):
# quote req/s at least half the bare handler's. Reported as that ratio.
#
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_BIN and
# NUITEE_BUILD_DIR. Database nuitee_bench_quote: `nuitee migrate` then `nuitee seed-demo` (the demo
# territory and its 2024–2026 deliberations). Each server is measured twice, alternately, and the
# better run of each counts (a build next door only ever slows a run down).
# Knobs: NUITEE_BENCH_QUOTE_DURATION (10s), NUITEE_BENCH_QUOTE_CONNECTIONS (16).
# Results: stdout and var/bench/quote_route-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh)}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh)}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"
BARE="${NUITEE_BUILD_DIR:-$ROOT/build/release}/bench/bare_json_server"
[[ -x "$BARE" ]] || { echo "missing $BARE (build with -DNUITEE_BENCH=ON)" >&2; exit 1; }

DB=nuitee_bench_quote
DURATION="${NUITEE_BENCH_QUOTE_DURATION:-10s}"
CONNECTIONS="${NUITEE_BENCH_QUOTE_CONNECTIONS:-16}"
THREADS=4
TARGET_RATIO=0.5
ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"

mkdir -p var/bench
REPORT="var/bench/quote_route-$(date -u +%Y%m%dT%H%M%SZ).txt"
say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
psql_admin() { psql "$ADMIN_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql "$DB_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }

pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { local port="$1"; while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done; echo "$port"; }
wait_for() { # url pid
	for _ in $(seq 1 100); do
		curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin <<<"CREATE DATABASE $DB"
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" seed-demo >/dev/null
collectivity="$(psql_db <<<"SELECT id FROM collectivities WHERE siren = '200999993'")"
commune="$(psql_db <<<"SELECT c->>'insee_code' FROM collectivities, jsonb_array_elements(communes) c WHERE id = '$collectivity' LIMIT 1")"
export NUITEE_BENCH_COLLECTIVITY="$collectivity" NUITEE_BENCH_COMMUNE="$commune"

quote_port="$(free_port 18199)"
NUITEE_DATABASE_URL="$DB_URL" NUITEE_BIND=127.0.0.1 NUITEE_PORT="$quote_port" NUITEE_THREADS="$THREADS" \
	NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" serve >/dev/null 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$quote_port/ready" "${pids[-1]}" || { say "nuitee serve did not start"; exit 1; }
bare_port="$(free_port $((quote_port + 1)))"
"$BARE" "$bare_port" "$THREADS" &
pids+=($!)
sleep 0.3
kill -0 "${pids[-1]}" || { say "bare_json_server did not start"; exit 1; }

# shellcheck source=bench/lib/sign_in.sh
. bench/lib/sign_in.sh
NUITEE_BENCH_TOKEN="$(bench_staff_token "$NUITEE_BIN" "$DB_URL" "$collectivity" "http://127.0.0.1:$quote_port")"
export NUITEE_BENCH_TOKEN

# A smoke check: the quote answers 200 with a total before anything is measured.
sample="$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $NUITEE_BENCH_TOKEN" \
	-d "{\"commune_insee\":\"$commune\",\"category\":\"unclassified\",\"arrival\":\"2026-07-01\",\"nights\":7,\"occupants\":4,\"exempt\":{\"minors\":2},\"price_per_night_cents\":10000}" \
	"http://127.0.0.1:$quote_port/v1/collectivities/$collectivity/quotes")"
[[ "$sample" == *'"total_cents"'* ]] || { say "quote failed: ${sample:0:300}"; exit 1; }
say "sample quote: ${sample:0:200}..."

run() { # label port
	local out line
	out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/quote_route.lua "http://127.0.0.1:$2")"
	printf '== %s\n%s\n' "$1" "$out" >>"$REPORT"
	line="$(grep '^RESULT ' <<<"$out" | tail -n 1)"
	[[ -n "$line" ]] || { printf '%s\n' "$out" >&2; say "wrk gave no RESULT line"; exit 1; }
	say "$1: ${line#RESULT }"
	echo "$line"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

say "wrk -t2 -c$CONNECTIONS -d$DURATION --latency -s bench/quote_route.lua; $THREADS server threads each; $(nproc) CPUs"
run warm-up "$quote_port" >/dev/null
best_quote=0 best_bare=0 errors=0
for round in 1 2; do
	for target in bare quote; do
		port="$bare_port"; [[ "$target" == quote ]] && port="$quote_port"
		line="$(run "$target (round $round)" "$port")"
		rps="$(field rps "$line")"
		((errors += $(field non2xx "$line") + $(field socket_errors "$line"))) || true
		if [[ "$target" == quote ]]; then ((rps > best_quote)) && best_quote=$rps; else ((rps > best_bare)) && best_bare=$rps; fi
	done
done
ratio="$(awk -v q="$best_quote" -v b="$best_bare" 'BEGIN { printf "%.2f", (b > 0 ? q / b : 0) }')"
verdict=ok
awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { exit !(r < t) }' && verdict="MISS (ratio < $TARGET_RATIO)"
say "quote route $best_quote req/s, bare Pistache handler $best_bare req/s: ratio $ratio ($verdict)"
say "report: $REPORT"
# A missed target is a finding; errors (non-2xx, sockets) fail the run.
((errors == 0))
