#!/usr/bin/env bash
# `make bench`: Release build with the benchmarks, a private PostgreSQL cluster in var/bench-pgdata
# (fsync off), then every build/release/bench/bench_* executable and every bench/*.sh script.
#
# Exported to the benchmarks:
#   NUITEE_BENCH_PG   libpq keyword/value string for database "postgres" of that cluster
#   NUITEE_ROOT       project root;  NUITEE_BIN  build/release/nuitee (absolute path)
#   NUITEE_BUILD_DIR  build/release (absolute path)
# Benchmarks run from the project root. Exit status: non-zero if any of them failed.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NUITEE_ROOT"

PG="$NUITEE_ROOT/scripts/pg-cluster.sh"
PGDATA_DIR="$NUITEE_ROOT/var/bench-pgdata"
started_cluster=0

finish() {
	local rc=$?
	trap - EXIT INT TERM
	if ((started_cluster)); then "$PG" stop "$PGDATA_DIR" || true; fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$NUITEE_ROOT/scripts/install-deps.sh"
cmake_configure build/release -DCMAKE_BUILD_TYPE=Release -DNUITEE_SANITIZE=OFF -DNUITEE_BENCH=ON
cmake_build build/release

shopt -s nullglob
benches=()
for f in "$NUITEE_ROOT"/build/release/bench/bench_*; do
	if [[ -f "$f" && -x "$f" ]]; then benches+=("$f"); fi
done
scripts=("$NUITEE_ROOT"/bench/*.sh)
shopt -u nullglob
if ((${#benches[@]} + ${#scripts[@]} == 0)); then
	info "no benchmark found (build/release/bench/bench_*, bench/*.sh): nothing to do"
	exit 0
fi

export PG_EXTRA_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTS:-}"
if ! "$PG" status "$PGDATA_DIR" >/dev/null 2>&1; then
	"$PG" start "$PGDATA_DIR"
	started_cluster=1
fi
NUITEE_BENCH_PG="$("$PG" url "$PGDATA_DIR" postgres)"
export NUITEE_BENCH_PG
export NUITEE_BUILD_DIR="$NUITEE_ROOT/build/release"
export NUITEE_BIN="$NUITEE_BUILD_DIR/nuitee"
info "NUITEE_BENCH_PG=$NUITEE_BENCH_PG"

failed=()
for b in "${benches[@]}" "${scripts[@]}"; do
	name="${b#"$NUITEE_ROOT"/}"
	info "=== $name"
	t0="$(now)"
	if [[ "$b" == *.sh ]]; then
		bash "$b" || failed+=("$name")
	else
		"$b" || failed+=("$name")
	fi
	info "=== $name done in $(elapsed_since "$t0") s"
done

if ((${#failed[@]})); then
	die "failed: ${failed[*]}"
fi
info "all benchmarks ran (${#benches[@]} executables, ${#scripts[@]} scripts)"
