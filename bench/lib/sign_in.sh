# shellcheck shell=bash
# Shared by the HTTP benchmarks (bench/*.sh): every route but the probes needs a session, so a
# benchmark signs in as a staff member with every role of its collectivity. Source it.
#
#   bench_staff_token BIN DB_URL COLLECTIVITY URL
#     creates (once) the account bench@nuitee.test in COLLECTIVITY with the password hashed by
#     `BIN hash-password`, signs in at URL and prints the bearer token.

BENCH_PASSWORD="banc d'essai sans importance"

bench_staff_token() {
	local bin="$1" db_url="$2" collectivity="$3" url="$4" hash
	hash="$(NUITEE_PASSWORD="$BENCH_PASSWORD" "$bin" hash-password)"
	psql "$db_url" -X -q -tA -v ON_ERROR_STOP=1 <<SQL >/dev/null
INSERT INTO users (email, display_name, kind, collectivity_id, password_hash)
SELECT 'bench@nuitee.test', 'Banc d''essai', 'staff', '$collectivity', '$hash'
WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = 'bench@nuitee.test'
                  AND collectivity_id = '$collectivity');
INSERT INTO user_roles (user_id, role, granted_by)
SELECT u.id, r, 'bench' FROM users u, unnest(ARRAY['referent', 'finance', 'admin']) r
WHERE u.email = 'bench@nuitee.test' AND u.collectivity_id = '$collectivity'
ON CONFLICT DO NOTHING;
UPDATE users SET password_hash = '$hash'
WHERE email = 'bench@nuitee.test' AND collectivity_id = '$collectivity';
SQL
	curl -fsS -H 'Content-Type: application/json' \
		-d "{\"email\": \"bench@nuitee.test\", \"password\": \"$BENCH_PASSWORD\", \"collectivity_id\": \"$collectivity\"}" \
		"$url/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
