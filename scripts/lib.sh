# shellcheck shell=bash
# Shared helpers for the scripts in this folder. Source it, don't run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Project root = the folder holding the Makefile = the parent of scripts/.
NUITEE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export NUITEE_ROOT

info() { printf '[nuitee] %s\n' "$*" >&2; }
warn() { printf '[nuitee] warning: %s\n' "$*" >&2; }
die() {
	printf '[nuitee] error: %s\n' "$*" >&2
	exit 1
}

# Monotonic-ish wall clock in seconds with milliseconds, for "took 1.23 s" messages.
now() { date +%s.%N; }
elapsed_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# Folder of the PostgreSQL server binaries (initdb, pg_ctl, postgres, psql).
# /usr/bin/pg_config comes with libpq-dev on Debian and reports the server's bin dir;
# otherwise take the newest /usr/lib/postgresql/*/bin that has initdb.
pg_bindir() {
	local d
	if command -v pg_config >/dev/null 2>&1; then
		d="$(pg_config --bindir 2>/dev/null || true)"
		if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	fi
	d="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
	if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
		printf '%s\n' "$d"
		return 0
	fi
	die "PostgreSQL server binaries not found (no initdb in pg_config --bindir nor /usr/lib/postgresql/*/bin); run scripts/install-deps.sh"
}

# 12 hex digits identifying a path (used for /var/lib/nuitee/... and /tmp/nuitee-... names).
short_hash() { printf '%s' "$1" | sha256sum | cut -c1-12; }

# Absolute path without resolving symlinks in the last component (the parent is resolved).
abs_path() {
	local p="$1" parent base
	[[ "$p" == /* ]] || p="$PWD/$p"
	while [[ "$p" == */ && "$p" != / ]]; do p="${p%/}"; done
	parent="$(dirname "$p")"
	base="$(basename "$p")"
	if [[ -d "$parent" ]]; then
		parent="$(cd "$parent" && pwd -P)"
	fi
	if [[ "$parent" == / ]]; then printf '/%s\n' "$base"; else printf '%s/%s\n' "$parent" "$base"; fi
}

# CMake configure + build helpers shared by demo.sh, bench.sh and test.sh.
cmake_configure() { # build_dir, extra -D options...
	local dir="$1"
	shift
	local log="$NUITEE_ROOT/$dir/configure.log"
	info "cmake configure $dir ($*)"
	mkdir -p "$NUITEE_ROOT/$dir"
	cmake -S "$NUITEE_ROOT" -B "$NUITEE_ROOT/$dir" "$@" >"$log" 2>&1 || {
		cat "$log" >&2
		die "cmake configure of $dir failed (log: $log)"
	}
}

cmake_build() { # build_dir, extra cmake --build options...
	local dir="$1"
	shift
	info "cmake build $dir $*"
	# Not a sub-make of `make test`: no inherited MAKEFLAGS/jobserver, no "Entering directory" noise.
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		cmake --build "$NUITEE_ROOT/$dir" -j "${NUITEE_JOBS:-2}" "$@" || die "build of $dir failed"
}
