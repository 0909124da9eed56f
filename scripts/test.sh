#!/usr/bin/env bash
# `make test` (and CI): Debug build with ASan+UBSan, a throwaway PostgreSQL cluster, then ctest.
# Extra arguments go to ctest, e.g. `scripts/test.sh -L unit` or `make test ARGS='-R Tax'`.
#
# Exported to the tests:
#   TEST_PG                   libpq keyword/value string for database "postgres" of the throwaway
#                             cluster (superuser, trust auth); tests create/drop their own databases
#   NUITEE_TEST_PGDATA        data folder of that cluster
#   NUITEE_TEST_PGCTL         = NUITEE_PG_CLUSTER_SCRIPT = absolute path of scripts/pg-cluster.sh;
#                             "$NUITEE_TEST_PGCTL" stop|start "$NUITEE_TEST_PGDATA" simulates an outage
#   PG_EXTRA_OPTS             server options (fsync off...), so that a restart keeps them
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NUITEE_ROOT"

t_start="$(now)"
PG="$NUITEE_ROOT/scripts/pg-cluster.sh"
tmp=""
pgdata=""

finish() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n "$pgdata" ]]; then
		"$PG" stop "$pgdata" || true
	fi
	[[ -n "$tmp" ]] && rm -rf "$tmp"
	if ((rc == 0)); then
		info "tests passed in $(elapsed_since "$t_start") s"
	else
		info "FAILED (exit $rc) after $(elapsed_since "$t_start") s"
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$NUITEE_ROOT/scripts/install-deps.sh"
# The benchmarks are not tests: `make bench` builds them (Release).
cmake_configure build/debug -DCMAKE_BUILD_TYPE=Debug -DNUITEE_SANITIZE=ON -DNUITEE_BENCH=OFF
cmake_build build/debug

tmp="$(mktemp -d /tmp/nuitee-test.XXXXXX)"
((EUID == 0)) && chown postgres:postgres "$tmp"
export PG_EXTRA_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTS:-}"
pgdata="$tmp/pgdata"
"$PG" start "$pgdata"

TEST_PG="$("$PG" url "$pgdata" postgres)"
export TEST_PG
export NUITEE_TEST_PGDATA="$pgdata"
export NUITEE_PG_CLUSTER_SCRIPT="$PG"
export NUITEE_TEST_PGCTL="$PG"
info "TEST_PG=$TEST_PG"

# LeakSanitizer works here as root (checked on Debian 12 / this kind of machine).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

ctest --test-dir "$NUITEE_ROOT/build/debug" --output-on-failure -j "${NUITEE_JOBS:-2}" "$@"
