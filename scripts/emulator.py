"""moto's server, one request at a time, plus a read-only view of the e-mails SES "sent".

`moto_server` serves requests on many threads with no lock around its backends, so two concurrent
conditional writes can both pass their condition: DynamoDB never allows that. Serving one request at a
time gives the emulator DynamoDB's per-request atomicity, which the concurrency tests rely on.

GET /_emulator/ses/sent lists the messages sent through SES (oldest first): {"items": [{"from", "to", "subject",
"date", "text", "html", "raw"}]}, each parsed from the raw MIME message the mailer sent (moto keeps it as is). The local
mailbox of scripts/dev and the mailer's tests read it; nothing else of the emulator is changed.
Usage: python scripts/emulator.py HOST PORT
"""
import email
import email.header
import email.policy
import json
import sys

from werkzeug.serving import run_simple

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app


def sent_messages():
    from moto.ses.models import ses_backends
    items = []
    for account in list(ses_backends.keys()):
        for region in list(ses_backends[account].keys()):
            for message in ses_backends[account][region].sent_messages:
                raw = getattr(message, "raw_data", None)
                if raw is None:
                    items.append({"from": message.source, "to": list(getattr(message, "destinations", {}).get("ToAddresses", [])),
                                  "subject": getattr(message, "subject", None), "text": getattr(message, "body", None), "html": None})
                    continue
                parsed = email.message_from_string(raw, policy=email.policy.default)
                text = html = None
                for part in parsed.walk():
                    if part.get_content_type() == "text/plain" and text is None:
                        text = part.get_content()
                    elif part.get_content_type() == "text/html" and html is None:
                        html = part.get_content()
                items.append({"from": str(parsed["From"]), "to": [str(a) for a in parsed.get_all("To", [])],
                              "subject": str(parsed["Subject"]), "date": str(parsed["Date"]), "text": text, "html": html,
                              "raw": raw})
    return items


class WithMailbox:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/_emulator/ses/sent":
            body = json.dumps({"items": sent_messages()}, ensure_ascii=False).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        return self.app(environ, start_response)


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, WithMailbox(app), threaded=False, use_reloader=False, request_handler=MotoRequestHandler)
