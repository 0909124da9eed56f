#!/usr/bin/env bash
# Prints the mails that `make demo`'s SMTP catcher received, decoded (accents, subject), oldest
# first: scripts/read-mail.sh [MAILDIR] (default var/mail). The raw files are in MAILDIR/new/.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

maildir="${1:-$NUITEE_ROOT/var/mail}"
[[ -d "$maildir/new" || -d "$maildir/cur" ]] || die "no Maildir in $maildir (is make demo running?)"
# Debian's python3, whatever python3 comes first in PATH.
/usr/bin/python3 - "$maildir" <<'PY'
import email, email.policy, mailbox, sys

box = mailbox.Maildir(sys.argv[1], create=False)
keys = sorted(box.keys())  # Maildir names start with the time of arrival
if not keys:
    print("Aucun courriel pour l'instant.")
for key in keys:
    mail = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    print("=" * 78)
    for name in ("Date", "From", "To", "Subject"):
        print(f"{name}: {mail.get(name, '')}")
    print()
    print(mail.get_content().rstrip("\n"))
    print()
PY
