#!/usr/bin/env bash
# The web portal's end-to-end tests, one ctest entry per phase or file:
#   run.sh setup NUITEE_BIN    migrates and seeds the demo territory into the template database
#                              that each test file clones (ctest fixture "web")
#   run.sh cleanup             drops the template and any database a test left behind
#   run.sh test FILE NUITEE_BIN ARTIFACTS
#                              runs tests/web/FILE with node's test runner, in Debian's Chromium
# Needs TEST_PG (scripts/test.sh exports it) and the packages of scripts/install-deps.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
: "${TEST_PG:?run through make test (scripts/test.sh), which starts PostgreSQL and sets TEST_PG}"
TEMPLATE=nuitee_web_template
admin() { psql "$TEST_PG" -X -q -tA -v ON_ERROR_STOP=1 "$@"; }

case "${1:-}" in
setup)
	bin="$2"
	admin -c "DROP DATABASE IF EXISTS $TEMPLATE WITH (FORCE)"
	admin -c "CREATE DATABASE $TEMPLATE"
	url="${TEST_PG/dbname=postgres/dbname=$TEMPLATE}"
	NUITEE_DATABASE_URL="$url" NUITEE_LOG_LEVEL=warn ASAN_OPTIONS=detect_leaks=0 "$bin" migrate >/dev/null
	NUITEE_DATABASE_URL="$url" NUITEE_LOG_LEVEL=warn ASAN_OPTIONS=detect_leaks=0 "$bin" seed-demo >/dev/null
	;;
cleanup)
	for database in $(admin -c "SELECT datname FROM pg_database WHERE datname LIKE 'nuitee\_web\_%'"); do
		admin -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
	done
	;;
test)
	file="$2"
	[[ -d "$here/node_modules/playwright-core" ]] || { echo "tests/web/node_modules is missing: run scripts/install-deps.sh" >&2; exit 1; }
	[[ -x "${NUITEE_CHROMIUM:-/usr/bin/chromium}" ]] || { echo "Chromium is missing: run scripts/install-deps.sh" >&2; exit 1; }
	export NUITEE_BIN="$3" NUITEE_WEB_ARTIFACTS="$4" NUITEE_WEB_TEMPLATE="$TEMPLATE"
	cd "$here"
	exec node --test --test-reporter=spec "$file"
	;;
*)
	echo "usage: $0 setup BIN | cleanup | test FILE BIN ARTIFACTS" >&2
	exit 2
	;;
esac
