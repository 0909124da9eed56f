#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# A private, Unix-socket-only PostgreSQL cluster for development, tests and benchmarks.
#
#   pg-cluster.sh start    DATA_DIR          initdb on first use, then start (no-op when running)
#   pg-cluster.sh stop     DATA_DIR          fast clean stop (no-op when stopped)
#   pg-cluster.sh status   DATA_DIR          prints running/stopped; exit 0 when running, 3 otherwise
#   pg-cluster.sh url      DATA_DIR DBNAME [ROLE]  prints a libpq keyword/value connection string
#                                            (as the cluster's superuser, or as ROLE)
#   pg-cluster.sh createrole DATA_DIR ROLE   creates login role ROLE, member of nuitee_app (made by
#                                            the migrations), unless it exists: the server's role
#   pg-cluster.sh createdb DATA_DIR DBNAME   creates the database unless it exists (cluster must run)
#   pg-cluster.sh destroy  DATA_DIR          stops the cluster and deletes its data (and symlink target)
#
# Environment: NUITEE_PG_PORT (default 5432; only names the socket file, nothing listens on TCP),
#              PG_EXTRA_OPTS  (extra server options for start, e.g. "-c fsync=off").
# See docs/operations.md for where the data and the socket live, as root and as a normal user.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
	sed -n 's/^#   \(pg-cluster.sh .*\)/\1/p' "${BASH_SOURCE[0]}" >&2
	exit 2
}

PORT="${NUITEE_PG_PORT:-5432}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "NUITEE_PG_PORT must be a number, got '$PORT'"
ME="$(id -un)"
SOCK_MAX=100 # bytes, for "<socket dir>/.s.PGSQL.<port>" (the kernel limit is 107)

# ---------------------------------------------------------------------------------------------
# Users

# OS user that runs a new cluster; it is also the cluster's superuser role (initdb -U).
default_user() { if ((EUID == 0)); then echo postgres; else echo "$ME"; fi; }

# Run a command as USER, from / (initdb/pg_ctl call getcwd(), which fails for the postgres
# user when the caller's current directory is a private folder such as /root/...).
run_as() {
	local user="$1"
	shift
	if [[ "$user" == "$ME" ]]; then
		(cd / && "$@")
	elif ((EUID == 0)); then
		(cd / && runuser -u "$user" -- "$@")
	else
		die "this cluster belongs to '$user'; run as that user (or as root)"
	fi
}

# Can USER traverse (search) PATH, i.e. every folder leading to it and the folder itself?
can_reach() { run_as "$1" test -x "$2" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# Paths

# Sets DATA (absolute requested path, symlink kept), REAL (where the files are or will be),
# OWNER (OS user of the cluster = its superuser role) and BIN. No side effects.
locate() {
	[[ -n "${1:-}" ]] || usage
	DATA="$(abs_path "$1")"
	BIN="$(pg_bindir)"
	if [[ -L "$DATA" ]]; then
		REAL="$(readlink -m "$DATA")"
	elif [[ -d "$DATA" ]]; then
		REAL="$(cd "$DATA" && pwd -P)"
	elif ((EUID == 0)) && ! can_reach postgres "$(nearest_existing "$(dirname "$DATA")")"; then
		REAL="$(fallback_dir)"
	else
		REAL="$DATA"
	fi
	case "$REAL" in *\'* | *\"* | *$'\n'* | *\\*) die "unsupported character (quote, backslash or newline) in '$REAL'" ;; esac
	if [[ -f "$REAL/PG_VERSION" ]]; then
		OWNER="$(stat -c %U "$REAL")"
	else
		OWNER="$(default_user)"
	fi
}

nearest_existing() {
	local p="$1"
	while [[ ! -e "$p" && "$p" != / ]]; do p="$(dirname "$p")"; done
	printf '%s\n' "$p"
}

# Root only: where the data goes when the postgres user cannot reach the requested folder.
# One folder per parent of DATA_DIR (for project clusters: per <project>/var).
fallback_dir() { printf '/var/lib/nuitee/%s/%s\n' "$(short_hash "$(dirname "$DATA")")" "$(basename "$DATA")"; }

initialized() { [[ -f "$REAL/PG_VERSION" ]]; }

# Socket folder: the data folder itself (mode 0700, so private to the cluster's user and root)
# unless the socket path would be too long; then /tmp/nuitee-<hash of data path>.
sock_dir() {
	local s="$REAL/.s.PGSQL.$PORT"
	if ((${#s} < SOCK_MAX)); then
		printf '%s\n' "$REAL"
	else
		printf '/tmp/nuitee-%s\n' "$(short_hash "$REAL")"
	fi
}

# Prints "pid port socketdir" from postmaster.pid when a postmaster for REAL is alive.
live_postmaster() {
	local pidfile="$REAL/postmaster.pid" pid port sock
	[[ -r "$pidfile" ]] || return 1
	{ read -r pid && read -r _ && read -r _ && read -r port && read -r sock; } <"$pidfile" || return 1
	[[ "$pid" =~ ^[0-9]+$ ]] || return 1
	kill -0 "$pid" 2>/dev/null || [[ -d "/proc/$pid" ]] || return 1
	printf '%s %s %s\n' "$pid" "$port" "$sock"
}

is_running() {
	initialized || return 1
	run_as "$OWNER" "$BIN/pg_ctl" -D "$REAL" status >/dev/null 2>&1
}

# ---------------------------------------------------------------------------------------------
# Preparing a folder for initdb

# Root only: make DATA a folder that the postgres user owns, or a symlink to one under
# /var/lib/nuitee when postgres cannot traverse DATA's parent folders.
prepare_as_root() {
	local parent
	parent="$(dirname "$DATA")"
	mkdir -p "$parent"
	if [[ -L "$DATA" ]]; then
		install -d -m 700 -o "$OWNER" -g "$(id -gn "$OWNER")" "$REAL"
		return
	fi
	if [[ -d "$DATA" ]] && ! can_reach "$OWNER" "$parent"; then
		# An existing folder the server could never open: replace it if it is empty.
		[[ -z "$(ls -A "$DATA")" ]] || die "$DATA is not empty and user $OWNER cannot reach it"
		rmdir "$DATA"
	fi
	if [[ -d "$DATA" ]]; then
		chown "$OWNER:$(id -gn "$OWNER")" "$DATA"
		chmod 700 "$DATA"
	elif can_reach "$OWNER" "$parent"; then
		REAL="$DATA"
		install -d -m 700 -o "$OWNER" -g "$(id -gn "$OWNER")" "$DATA"
	else
		REAL="$(fallback_dir)"
		install -d -m 755 "$(dirname "$REAL")"
		install -d -m 700 -o "$OWNER" -g "$(id -gn "$OWNER")" "$REAL"
		ln -sfn "$REAL" "$DATA"
		info "user $OWNER cannot reach $parent: data in $REAL, symlinked from $DATA"
	fi
}

do_initdb() {
	local t0 log
	t0="$(now)"
	if ((EUID == 0)) && [[ "$OWNER" != "$ME" ]]; then
		prepare_as_root
	else
		mkdir -p "$DATA"
		chmod 700 "$DATA"
		REAL="$(cd "$DATA" && pwd -P)"
	fi
	log="$(mktemp /tmp/nuitee-initdb.XXXXXX)"
	if ! run_as "$OWNER" "$BIN/initdb" -D "$REAL" -U "$OWNER" -A trust -E UTF8 --locale=C.UTF-8 >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		die "initdb failed for $REAL"
	fi
	rm -f "$log"
	info "initdb $REAL (superuser $OWNER) in $(elapsed_since "$t0") s"
}

ensure_sock_dir() {
	local dir="$1"
	[[ "$dir" == "$REAL" ]] && return 0
	if [[ -L "$dir" || (-e "$dir" && ! -d "$dir") ]]; then
		die "$dir exists and is not a folder"
	fi
	if [[ -d "$dir" ]]; then
		[[ "$(stat -c %U "$dir")" == "$OWNER" ]] || die "$dir exists but does not belong to $OWNER"
	else
		mkdir -m 700 "$dir"
		((EUID == 0)) && chown "$OWNER:$(id -gn "$OWNER")" "$dir"
	fi
	return 0
}

# ---------------------------------------------------------------------------------------------
# Subcommands

cmd_start() {
	locate "$1"
	if is_running; then
		info "PostgreSQL already running ($REAL)"
		return 0
	fi
	initialized || do_initdb
	local sock t0 log opts
	sock="$(sock_dir)"
	ensure_sock_dir "$sock"
	log="$REAL/server.log"
	# No parallel query: on the 2-core machine the embedded cluster is made for, starting the
	# workers alone cost 8-40 ms per query, more than the queries themselves (BENCHMARKS.md).
	# No JIT: a register list with several filters gets a large cost estimate, and compiling it
	# took 0.1-0.9 s, as long as or longer than running it (BENCHMARKS.md).
	opts="-c listen_addresses='' -p $PORT -k '$sock' -c max_parallel_workers_per_gather=0 -c jit=off ${PG_EXTRA_OPTS:-}"
	t0="$(now)"
	if ! run_as "$OWNER" "$BIN/pg_ctl" -D "$REAL" -l "$log" -w -t "${NUITEE_PG_START_TIMEOUT:-60}" -o "$opts" start >/dev/null 2>&1; then
		tail -n 30 "$log" >&2 || true
		die "PostgreSQL failed to start (log: $log)"
	fi
	info "PostgreSQL started in $(elapsed_since "$t0") s (data $REAL, socket $sock/.s.PGSQL.$PORT)"
}

cmd_stop() {
	locate "$1"
	if ! initialized; then
		info "no PostgreSQL cluster in $DATA"
		return 0
	fi
	if ! is_running; then
		info "PostgreSQL not running ($REAL)"
		return 0
	fi
	local t0 sock
	sock="$(live_postmaster | cut -d' ' -f3- || true)"
	t0="$(now)"
	run_as "$OWNER" "$BIN/pg_ctl" -D "$REAL" -m fast -w -t "${NUITEE_PG_STOP_TIMEOUT:-60}" stop >/dev/null ||
		die "PostgreSQL did not stop (log: $REAL/server.log)"
	if [[ -n "$sock" && "$sock" != "$REAL" && "$sock" == /tmp/nuitee-* ]]; then rmdir "$sock" 2>/dev/null || true; fi
	info "PostgreSQL stopped in $(elapsed_since "$t0") s ($REAL)"
}

cmd_status() {
	locate "$1"
	if is_running; then
		echo "running ($REAL)"
	else
		echo "stopped ($REAL)"
		return 3
	fi
}

# Quotes a libpq keyword/value value when needed.
conninfo_value() {
	local v="$1"
	if [[ -n "$v" && "$v" != *[[:space:]\'\\]* ]]; then
		printf '%s' "$v"
	else
		v="${v//\\/\\\\}"
		printf "'%s'" "${v//\'/\\\'}"
	fi
}

# Sets SOCK and PORT_NOW: from postmaster.pid when running, otherwise what start would use.
current_endpoint() {
	local live
	if live="$(live_postmaster)"; then
		PORT_NOW="$(cut -d' ' -f2 <<<"$live")"
		SOCK="$(cut -d' ' -f3- <<<"$live")"
		SOCK="${SOCK%%,*}"
	else
		PORT_NOW="$PORT"
		SOCK="$(sock_dir)"
	fi
}

cmd_url() {
	[[ -n "${2:-}" ]] || usage
	locate "$1"
	current_endpoint
	printf 'host=%s port=%s dbname=%s user=%s\n' "$(conninfo_value "$SOCK")" "$PORT_NOW" \
		"$(conninfo_value "$2")" "$(conninfo_value "${3:-$OWNER}")"
}

psql_admin() { # runs psql on database postgres of this cluster; SQL on stdin
	"$BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 -h "$SOCK" -p "$PORT_NOW" -U "$OWNER" -d postgres "$@"
}

cmd_createdb() {
	local db="${2:-}"
	[[ -n "$db" ]] || usage
	locate "$1"
	is_running || die "PostgreSQL is not running in $DATA; run: $0 start $1"
	current_endpoint
	local q="SELECT 1 FROM pg_database WHERE datname = :'db'"
	if [[ "$(psql_admin -v db="$db" <<<"$q")" == 1 ]]; then
		info "database $db already exists"
		return 0
	fi
	local err
	err="$(mktemp /tmp/nuitee-createdb.XXXXXX)"
	if ! psql_admin -v db="$db" <<<'CREATE DATABASE :"db"' 2>"$err"; then
		# Lost a race with another creator? Then it exists now, which is fine.
		if [[ "$(psql_admin -v db="$db" <<<"$q")" != 1 ]]; then
			cat "$err" >&2
			rm -f "$err"
			die "could not create database $db"
		fi
	fi
	rm -f "$err"
	info "database $db created"
}

# The role `nuitee serve` connects as (docs/operations.md): it logs in over the private socket
# (trust, like every role of this cluster), owns nothing, and holds only what migration 0012
# grants to nuitee_app: no UPDATE, DELETE nor TRUNCATE on the audit tables.
cmd_createrole() {
	local role="${2:-}"
	[[ "$role" =~ ^[a-z_][a-z0-9_]*$ ]] || die "role name must be lower-case letters, digits and _"
	locate "$1"
	is_running || die "PostgreSQL is not running in $DATA; run: $0 start $1"
	current_endpoint
	[[ "$(psql_admin <<<"SELECT 1 FROM pg_roles WHERE rolname = 'nuitee_app'")" == 1 ]] ||
		die "role nuitee_app does not exist yet: run nuitee migrate first"
	if [[ "$(psql_admin -v role="$role" <<<"SELECT 1 FROM pg_roles WHERE rolname = :'role'")" == 1 ]]; then
		info "role $role already exists"
	else
		psql_admin -v role="$role" <<<'CREATE ROLE :"role" LOGIN' ||
			[[ "$(psql_admin -v role="$role" <<<"SELECT 1 FROM pg_roles WHERE rolname = :'role'")" == 1 ]] ||
			die "could not create role $role"
		info "role $role created"
	fi
	psql_admin -v role="$role" <<<'GRANT nuitee_app TO :"role"' 2>/dev/null
}

cmd_destroy() {
	locate "$1"
	if is_running; then cmd_stop "$1"; fi
	locate "$1"
	local sock
	sock="$(sock_dir)"
	if [[ "$sock" != "$REAL" && -d "$sock" ]]; then rm -rf "$sock"; fi
	if [[ -L "$DATA" ]]; then
		rm -rf "$REAL"
		rm -f "$DATA"
		rmdir "$(dirname "$REAL")" 2>/dev/null || true
	else
		rm -rf "$DATA"
	fi
	info "PostgreSQL cluster removed ($REAL)"
}

sub="${1:-}"
[[ $# -gt 0 ]] && shift
case "$sub" in
start) [[ $# -eq 1 ]] || usage; cmd_start "$@" ;;
stop) [[ $# -eq 1 ]] || usage; cmd_stop "$@" ;;
status) [[ $# -eq 1 ]] || usage; cmd_status "$@" ;;
url) [[ $# -eq 2 || $# -eq 3 ]] || usage; cmd_url "$@" ;;
createrole) [[ $# -eq 2 ]] || usage; cmd_createrole "$@" ;;
createdb) [[ $# -eq 2 ]] || usage; cmd_createdb "$@" ;;
destroy) [[ $# -eq 1 ]] || usage; cmd_destroy "$@" ;;
-h | --help | help) usage ;;
*) usage ;;
esac
