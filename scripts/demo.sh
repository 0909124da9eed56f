#!/usr/bin/env bash
# `make demo`: build the server (Release), start the private PostgreSQL cluster in var/pgdata
# (unless NUITEE_DATABASE_URL points elsewhere) and an SMTP catcher on loopback whose mails land in
# var/mail (unless NUITEE_SMTP_URL points elsewhere), migrate, load the demo data, then serve in
# the foreground, with the enforcement worker (`nuitee worker`) beside it. Ctrl-C stops the server
# and the worker, then the catcher and the cluster if this script started them.
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
worker_pid=""
catcher_pid=""
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
	if [[ -n "$worker_pid" ]] && kill -0 "$worker_pid" 2>/dev/null; then
		info "stopping the enforcement worker (pid $worker_pid)"
		kill -TERM "$worker_pid" 2>/dev/null || true
		wait "$worker_pid" 2>/dev/null || true
	fi
	if [[ -n "$catcher_pid" ]] && kill -0 "$catcher_pid" 2>/dev/null; then
		info "stopping the SMTP catcher (pid $catcher_pid)"
		kill -TERM "$catcher_pid" 2>/dev/null || true
		wait "$catcher_pid" 2>/dev/null || true
	fi
	if ((started_cluster)); then
		"$PG" stop "$PGDATA_DIR" || true
	fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

local_cluster=0
if [[ -z "${NUITEE_DATABASE_URL:-}" ]]; then
	local_cluster=1
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

# A local SMTP server (Debian's python3-aiosmtpd) that keeps every mail in the Maildir var/mail,
# on a free loopback port: nothing leaves the machine.
MAIL_DIR="$NUITEE_ROOT/var/mail"
if [[ -z "${NUITEE_SMTP_URL:-}" ]]; then
	smtp_port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
	# A Maildir's three folders: aiosmtpd only creates them along with the Maildir folder itself.
	mkdir -p "$MAIL_DIR/tmp" "$MAIL_DIR/new" "$MAIL_DIR/cur"
	/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$MAIL_DIR" \
		>"$NUITEE_ROOT/var/smtp-catcher.log" 2>&1 &
	catcher_pid=$!
	listening=0
	for _ in $(seq 100); do
		kill -0 "$catcher_pid" 2>/dev/null || break
		if (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null; then
			listening=1
			break
		fi
		sleep 0.1
	done
	((listening)) || die "the SMTP catcher did not start (log: var/smtp-catcher.log)"
	export NUITEE_SMTP_URL="smtp://127.0.0.1:$smtp_port"
	export NUITEE_SMTP_STARTTLS=optional
	export NUITEE_SMTP_FROM="${NUITEE_SMTP_FROM:-Nuitée (démo) <ne-pas-repondre@demo.invalid>}"
	info "SMTP catcher on 127.0.0.1:$smtp_port, mails in $MAIL_DIR"
else
	info "using NUITEE_SMTP_URL from the environment"
fi

"$BIN" migrate
"$BIN" seed-demo

# Migrations and the seed run as the owner of the tables; the server runs as nuitee_server, a role
# that owns nothing and may never update, delete nor truncate the audit trail (migration 0012).
if ((local_cluster)); then
	"$PG" createrole "$PGDATA_DIR" nuitee_server
	SERVE_DATABASE_URL="$("$PG" url "$PGDATA_DIR" nuitee nuitee_server)"
elif [[ -n "${NUITEE_SERVE_DATABASE_URL:-}" ]]; then
	SERVE_DATABASE_URL="$NUITEE_SERVE_DATABASE_URL"
else
	info "NUITEE_SERVE_DATABASE_URL is not set: the server runs as the owner of the tables"
	SERVE_DATABASE_URL="$NUITEE_DATABASE_URL"
fi
info "the server connects with $SERVE_DATABASE_URL"

port="${NUITEE_PORT:-8080}"
echo "Nuitée écoute sur http://127.0.0.1:${port}"
echo "Portail : ouvrez http://127.0.0.1:${port}/ dans un navigateur et connectez-vous avec un compte"
echo "  de démonstration (hebergeur@, referente@ ou finances@demo.nuitee.fr)."
echo "Exemple : curl -s http://127.0.0.1:${port}/ready"
echo "Comptes de démonstration (mot de passe : nuitee-demo-2026) : operateur@, referente@,"
echo "  finances@, admin@, hebergeur@ et conciergerie@demo.nuitee.fr ; POST /v1/auth/login"
echo "  (voir le README) donne le jeton à passer en « Authorization: Bearer »."
if [[ -n "$catcher_pid" ]]; then
	echo "Courriels : ils arrivent dans ${MAIL_DIR}/new/ (un fichier par courriel) ;"
	echo "  scripts/read-mail.sh les affiche décodés. Courriel d'essai (connecté comme admin@,"
	echo "  C et AUTH : voir le README) :"
	echo "  curl -s -H \"\$AUTH\" -H 'Content-Type: application/json' -d '{\"to\": \"vous@example.fr\"}' \\"
	echo "    http://127.0.0.1:${port}/v1/collectivities/\$C/mails:test"
fi
echo "Relances et mises en demeure : nuitee worker tourne à côté (journal : var/worker.log)."
echo "(Ctrl-C pour arrêter)"

# The enforcement calendar of the demo (it chases from July 2026): invitations, reminders and
# mises en demeure are taken as their days come, every minute; its log goes to var/worker.log.
NUITEE_DATABASE_URL="$SERVE_DATABASE_URL" "$BIN" worker >"$NUITEE_ROOT/var/worker.log" 2>&1 &
worker_pid=$!
info "enforcement worker started (pid $worker_pid, log var/worker.log)"

# In the background so that the traps run as soon as a signal arrives; `wait` returns then.
NUITEE_DATABASE_URL="$SERVE_DATABASE_URL" "$BIN" serve &
server_pid=$!
set +e
wait "$server_pid"
status=$?
set -e
server_pid=""
info "server exited with status $status"
exit "$status"
