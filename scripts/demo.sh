#!/usr/bin/env bash
# `make demo`: build the server (Release), start the private PostgreSQL cluster in var/pgdata
# (unless NUITEE_DATABASE_URL points elsewhere), migrate, load the demo data, then serve in the
# foreground. Ctrl-C stops the server, then the cluster if this script started it.
#
#   scripts/demo.sh               the whole demo
#   scripts/demo.sh --build-only  install dependencies and build everything in build/release (`make build`)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NUITEE_ROOT"

PG="$NUITEE_ROOT/scripts/pg-cluster.sh"
PGDATA_DIR="$NUITEE_ROOT/var/pgdata"
BIN="$NUITEE_ROOT/build/release/nuitee"

"$NUITEE_ROOT/scripts/install-deps.sh"
cmake_configure build/release -DCMAKE_BUILD_TYPE=Release -DNUITEE_SANITIZE=OFF

if [[ "${1:-}" == --build-only ]]; then
	cmake_build build/release
	info "built in build/release"
	exit 0
fi
[[ $# -eq 0 ]] || die "usage: $0 [--build-only]"

cmake_build build/release --target nuitee
[[ -x "$BIN" ]] || die "$BIN was not built"

started_cluster=0
server_pid=""
cleaned=0
# shellcheck disable=SC2317  # called from the traps
cleanup() {
	((cleaned)) && return 0
	cleaned=1
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		info "stopping the server (pid $server_pid)"
		# SIGTERM, not SIGINT: background jobs of a non-interactive shell ignore SIGINT.
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	if ((started_cluster)); then
		"$PG" stop "$PGDATA_DIR" || true
	fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

if [[ -z "${NUITEE_DATABASE_URL:-}" ]]; then
	if ! "$PG" status "$PGDATA_DIR" >/dev/null 2>&1; then
		"$PG" start "$PGDATA_DIR"
		started_cluster=1
	else
		info "reusing the PostgreSQL cluster already running in var/pgdata"
	fi
	"$PG" createdb "$PGDATA_DIR" nuitee
	NUITEE_DATABASE_URL="$("$PG" url "$PGDATA_DIR" nuitee)"
	export NUITEE_DATABASE_URL
else
	info "using NUITEE_DATABASE_URL from the environment"
fi
info "NUITEE_DATABASE_URL=$NUITEE_DATABASE_URL"

"$BIN" migrate
"$BIN" seed-demo

port="${NUITEE_PORT:-8080}"
echo "Nuitée écoute sur http://127.0.0.1:${port}"
echo "Exemple : curl -s http://127.0.0.1:${port}/ready"
echo "(Ctrl-C pour arrêter)"

# In the background so that the traps run as soon as a signal arrives; `wait` returns then.
"$BIN" serve &
server_pid=$!
set +e
wait "$server_pid"
status=$?
set -e
server_pid=""
info "server exited with status $status"
exit "$status"
