#!/usr/bin/python3
"""A real SMTP server on loopback for the tests, built on aiosmtpd (Debian's python3-aiosmtpd).

Serve:  smtp_catcher.py serve --port P --maildir DIR [--user U --password W]
                              [--tls-cert C --tls-key K] [--refuse-prefix PREFIX]
        Stores every message in the Maildir DIR, prints "ready" once listening, stops on SIGTERM.
        With --user, MAIL is refused until the client logged in (PLAIN or LOGIN) with those
        credentials; with --tls-cert, STARTTLS is offered; recipients starting with PREFIX are
        refused with 550.
Dump:   smtp_catcher.py dump DIR
        Prints the messages of the Maildir as JSON, decoded by Python's email package (an
        implementation independent of the one under test).
"""
import argparse
import email
import email.policy
import json
import mailbox
import os
import signal
import ssl
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


class Catcher(Mailbox):
    def __init__(self, maildir, refuse_prefix):
        super().__init__(maildir)
        self.refuse_prefix = refuse_prefix

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_prefix and address.startswith(self.refuse_prefix):
            return "550 5.1.1 Destinataire inconnu"
        envelope.rcpt_tos.append(address)
        return "250 OK"


class Credentials:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == self.user
              and auth_data.password == self.password)
        return AuthResult(success=ok, handled=False)


def serve(args):
    # A login without TLS is what the tests want to check; aiosmtpd warns about it.
    warnings.simplefilter("ignore")
    options = {}
    if args.user:
        options.update(authenticator=Credentials(args.user, args.password),
                       auth_required=True, auth_require_tls=False)
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(tls_context=context, require_starttls=False)
    controller = Controller(Catcher(args.maildir, args.refuse_prefix), hostname="127.0.0.1",
                            port=args.port, **options)
    controller.start()

    def stop(signum, frame):
        controller.stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # One write, then nothing more on stdout: the test closes its end once it read the line.
    os.write(sys.stdout.fileno(), b"ready\n")
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    while True:
        signal.pause()


def dump(directory):
    box = mailbox.Maildir(directory, create=False)
    mails = []
    for key in sorted(box.keys()):
        raw = box.get_bytes(key)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        mails.append({
            "mail_from": str(message.get("X-MailFrom", "")),
            "rcpt_to": str(message.get("X-RcptTo", "")),
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "message_id": str(message.get("Message-ID", "")),
            "auto_submitted": str(message.get("Auto-Submitted", "")),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset() or "",
            "body": message.get_content(),
            "raw": raw.decode("utf-8", errors="replace"),
        })
    json.dump(mails, sys.stdout, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    serving = commands.add_parser("serve")
    serving.add_argument("--port", type=int, required=True)
    serving.add_argument("--maildir", required=True)
    serving.add_argument("--user")
    serving.add_argument("--password")
    serving.add_argument("--tls-cert")
    serving.add_argument("--tls-key")
    serving.add_argument("--refuse-prefix")
    dumping = commands.add_parser("dump")
    dumping.add_argument("directory")
    args = parser.parse_args()
    if args.command == "serve":
        serve(args)
    else:
        dump(args.directory)


if __name__ == "__main__":
    main()
