#!/usr/bin/env bash
# Benchmark (not a test): the web portal's main pages in Debian's Chromium (bench/web_pages.mjs),
# on the demo territory served by the Release build. Targets (issue 8): each page usable within
# one second on loopback; its JavaScript and CSS under 200 KB uncompressed.
# Run by `make bench` (scripts/bench.sh), or by hand: NUITEE_BENCH_PG="host=… port=… dbname=postgres
# user=postgres" NUITEE_BIN=build/release/nuitee bench/web_pages.sh
# Knobs: NUITEE_BENCH_WEB_RUNS (5 loads per page), NUITEE_BENCH_PORT (18699).
# Results: stdout, and var/bench/web_pages-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh) or set NUITEE_BENCH_PG}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh) or set NUITEE_BIN}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"
DB=nuitee_bench_web
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"
mkdir -p var/bench
REPORT="var/bench/web_pages-$(date -u +%Y%m%dT%H%M%SZ).txt"
SERVER_LOG="$(mktemp /tmp/nuitee-bench-web.XXXXXX)"
server_pid=""
say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
# shellcheck source=bench/lib/machine.sh
. bench/lib/machine.sh

# shellcheck disable=SC2317  # called from the trap
clean_up() {
	[[ -n "$server_pid" ]] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	rm -f "$SERVER_LOG"
}
trap clean_up EXIT

[[ -d tests/web/node_modules/playwright-core ]] || scripts/install-deps.sh
psql "$NUITEE_BENCH_PG" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate >/dev/null
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" seed-demo >/dev/null
port="${NUITEE_BENCH_PORT:-18699}"
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
NUITEE_DATABASE_URL="$DB_URL" NUITEE_PORT="$port" NUITEE_LOG_LEVEL=warn NUITEE_WEB_ROOT="$ROOT/web" \
	"$NUITEE_BIN" serve >"$SERVER_LOG" 2>&1 &
server_pid=$!
BENCH_OWN_PIDS=("$server_pid")
for _ in $(seq 1 100); do
	curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
	sleep 0.1
done
bench_wait_for_idle_cpus
node bench/web_pages.mjs "http://127.0.0.1:$port" "${NUITEE_BENCH_WEB_RUNS:-5}" | tee -a "$REPORT"
say "$(nproc) CPUs, $(date -u +%FT%TZ); report: $REPORT"
