#!/usr/bin/env bash
# Benchmark (not a test): what the access check costs. The same requests go to the real routes
# (session from the bearer token through the session cache, audience, ownership of the path's
# record) and to the same routes with a check that lets everything through as a fixed caller
# (bench/auth_overhead_server.cpp), in one run, with the same wrk settings. Target (issue 5):
# checked requests cost at most 10 % more, i.e. checked req/s ≥ unchecked req/s ÷ 1.1.
#
# Two callers, each on two routes: the demo's referent and the demo's host account
# (hebergeur@demo.nuitee.fr, whose ownership is checked through the accommodation's host), on
# GET /v1/accommodations/{id} (one of that host's) and GET /v1/accommodations/{id}/declarations.
# Run by `make bench` (scripts/bench.sh), which exports NUITEE_BENCH_PG, NUITEE_BIN and
# NUITEE_BUILD_DIR. Database nuitee_bench_auth: `nuitee migrate` then `nuitee seed-demo`.
# Each pair is measured three times, alternately, and the better run of each counts.
# Knobs: NUITEE_BENCH_AUTH_DURATION (8s), NUITEE_BENCH_AUTH_CONNECTIONS (16).
# Results: stdout and var/bench/auth_overhead-<UTC time>.txt.
set -euo pipefail

: "${NUITEE_BENCH_PG:?run through make bench (scripts/bench.sh)}"
: "${NUITEE_BIN:?run through make bench (scripts/bench.sh)}"
ROOT="${NUITEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}"
cd "$ROOT"
SERVER="${NUITEE_BUILD_DIR:-$ROOT/build/release}/bench/auth_overhead_server"
[[ -x "$SERVER" ]] || { echo "missing $SERVER (build with -DNUITEE_BENCH=ON)" >&2; exit 1; }

DB=nuitee_bench_auth
DURATION="${NUITEE_BENCH_AUTH_DURATION:-8s}"
CONNECTIONS="${NUITEE_BENCH_AUTH_CONNECTIONS:-16}"
THREADS=4
MAX_COST=1.10
ADMIN_URL="$NUITEE_BENCH_PG"
DB_URL="${NUITEE_BENCH_PG/dbname=postgres/dbname=$DB}"

mkdir -p var/bench
REPORT="var/bench/auth_overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
say() { printf '[bench] %s\n' "$*" | tee -a "$REPORT" >&2; }
psql_admin() { psql "$ADMIN_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql "$DB_URL" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }

server_pid=""
cleanup() { [[ -n "$server_pid" ]] && { kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; }; true; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
free_port() { local port="$1"; while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || (echo >"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; do port=$((port + 2)); done; echo "$port"; }

psql_admin <<<"DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql_admin <<<"CREATE DATABASE $DB"
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" migrate
NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$NUITEE_BIN" seed-demo >/dev/null
# The first accommodation of the host the demo's host account acts for.
accommodation="$(psql_db <<-SQL
	SELECT a.id FROM accommodations a JOIN host_access h ON h.host_id = a.host_id
	JOIN users u ON u.id = h.user_id WHERE u.email = 'hebergeur@demo.nuitee.fr'
	ORDER BY a.seq LIMIT 1
SQL
)"
[[ -n "$accommodation" ]] || { say "no accommodation for the demo host account"; exit 1; }

run() { # label port path
	local out line
	out="$(NUITEE_BENCH_PATH="$3" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/auth_overhead.lua "http://127.0.0.1:$2")"
	printf '== %s\n%s\n' "$1" "$out" >>"$REPORT"
	line="$(grep '^RESULT ' <<<"$out" | tail -n 1)"
	[[ -n "$line" ]] || { printf '%s\n' "$out" >&2; say "wrk gave no RESULT line"; exit 1; }
	say "$1: ${line#RESULT }"
	echo "$line"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

say "wrk -t2 -c$CONNECTIONS -d$DURATION; $THREADS server threads each; $(nproc) CPUs"
errors=0
misses=0
for email in referente@demo.nuitee.fr hebergeur@demo.nuitee.fr; do
	port="$(free_port 18301)"
	# The token comes from a real login on `nuitee serve`, then the pair of servers starts with it.
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_BIND=127.0.0.1 NUITEE_PORT="$port" NUITEE_LOG_LEVEL=warn \
		"$NUITEE_BIN" serve >/dev/null 2>&1 &
	login_pid=$!
	for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/ready" 2>/dev/null && break; sleep 0.1; done
	token="$(curl -fsS -H 'Content-Type: application/json' \
		-d "{\"email\": \"$email\", \"password\": \"nuitee-demo-2026\"}" \
		"http://127.0.0.1:$port/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"
	kill -TERM "$login_pid"; wait "$login_pid" 2>/dev/null || true
	export NUITEE_BENCH_TOKEN="$token"
	NUITEE_DATABASE_URL="$DB_URL" NUITEE_LOG_LEVEL=warn "$SERVER" "$port" "$THREADS" "$token" >/dev/null 2>&1 &
	server_pid=$!
	for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1))/ready" 2>/dev/null && break; sleep 0.1; done
	for path in "/v1/accommodations/$accommodation" "/v1/accommodations/$accommodation/declarations"; do
		run "warm-up $email $path" "$port" "$path" >/dev/null
		best_checked=0 best_unchecked=0
		for round in 1 2 3; do
			for target in unchecked checked; do
				p="$port"; [[ "$target" == unchecked ]] && p=$((port + 1))
				line="$(run "$target $email $path (round $round)" "$p" "$path")"
				rps="$(field rps "$line")"
				((errors += $(field non2xx "$line") + $(field socket_errors "$line"))) || true
				if [[ "$target" == checked ]]; then ((rps > best_checked)) && best_checked=$rps; else ((rps > best_unchecked)) && best_unchecked=$rps; fi
			done
		done
		cost="$(awk -v c="$best_checked" -v u="$best_unchecked" 'BEGIN { printf "%.3f", (c > 0 ? u / c : 99) }')"
		verdict=ok
		if awk -v x="$cost" -v t="$MAX_COST" 'BEGIN { exit !(x > t) }'; then verdict="MISS (> $MAX_COST)"; ((misses += 1)); fi
		say "$email $path: checked $best_checked req/s, unchecked $best_unchecked req/s: cost ×$cost ($verdict)"
	done
	kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
	server_pid=""
done
say "report: $REPORT"
((errors == 0))
