"""moto's server, one request at a time, plus a read-only view of the e-mails SES "sent".

`moto_server` serves requests on many threads with no lock around its backends, so two concurrent
conditional writes can both pass their condition: DynamoDB never allows that. Serving one request at a
time gives the emulator DynamoDB's per-request atomicity, which the concurrency tests rely on.

GET /_emulator/ses/sent lists the messages sent through SES (oldest first): {"items": [{"from", "to", "subject",
"date", "text", "html", "raw"}]}, each parsed from the raw MIME message the mailer sent (moto keeps it as is). The local
mailbox of scripts/dev and the mailer's tests read it. POST /_emulator/ses/throttle {"next": N} makes SES refuse the next
N SendEmail calls (API v2) as it refuses past the account's maximum send rate — HTTP 400, ThrottlingException, "Maximum
sending rate exceeded." — before moto sees them (moto has no sending quota): the Lambda harness shows the mailer, in
its own runtime and role, putting a throttled e-mail back on its queue.

Stricter than moto where DynamoDB is: a Query whose ExclusiveStartKey lies outside its key condition (another
partition, a sort key outside the BETWEEN, < or begins_with range) is refused with DynamoDB's ValidationException,
as AWS does (moto would start the page there). A key condition it cannot read is passed on unchanged.

With --record (the Lambda harness), every AWS request is also kept as it came: the access key that signed it, the
service of its signature's scope, method, path, query, the headers that name an operation, the body (but an S3
object's bytes) and the status the emulator answered. GET /_emulator/calls lists them ({"items": [...]}, oldest
first); scripts/harness/iam_calls.py maps each to what AWS authorizes it against.
With --latency-ms L (benchmarks), the emulator stands in for a service that answers over a network: requests are served
concurrently, each waits L ms outside one lock, then runs its moto call inside it (moto is not thread-safe, and the lock
keeps one request at a time where it matters). GET /_emulator/busy reports {"requests", "busyMs", "sinceMs"}: how long
the lock was held since the emulator started, so a benchmark can tell waiting on the network from waiting on moto.
Faster than moto where SQS is slow only in moto: a ReceiveMessage computes every message's visibility and delay with
moto's clock (datetime arithmetic, ~13 µs a call, tens of calls per message), so receiving from a queue of 1,000
messages took 1.6 s, under the lock every other request waits on — where SQS answers in milliseconds whatever the
queue's depth. `fast_sqs_clock()` gives moto's SQS models the same clock from time.time() (same values: seconds and
milliseconds since the epoch); nothing else changes (0.05 s for the same receive).
Usage: python scripts/emulator.py HOST PORT [--record] [--latency-ms L]
"""
import email
import email.header
import base64
import decimal
import email.policy
import io
import json
import re
import sys
import threading
import time
import urllib.parse

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
        self.throttle_next = 0

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO")
        if path == "/_emulator/ses/sent":
            body = json.dumps({"items": sent_messages()}, ensure_ascii=False).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        if path == "/_emulator/ses/throttle" and environ.get("REQUEST_METHOD") == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            self.throttle_next = int(json.loads(environ["wsgi.input"].read(length) or b"{}").get("next", 0))
            body = json.dumps({"next": self.throttle_next}).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if self.throttle_next > 0 and path == "/v2/email/outbound-emails" and environ.get("REQUEST_METHOD") == "POST":
            self.throttle_next -= 1
            body = json.dumps({"message": "Maximum sending rate exceeded."}).encode("utf-8")
            start_response("400 Bad Request", [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                                               ("x-amzn-ErrorType", "ThrottlingException"), ("x-amzn-RequestId", "throttled")])
            return [body]
        return self.app(environ, start_response)


CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]+/([^/]+)/([^/]+)/aws4_request")
NAMING_HEADERS = ("x-amz-target", "content-type", "x-amz-copy-source")


OUTSIDE = "The provided starting key is outside query boundaries based on provided conditions"


def typed(value):
    """A DynamoDB key value ({"S"|"N"|"B": ...}) as a Python value that orders as DynamoDB orders it."""
    (kind, raw), = value.items()
    if kind == "N":
        return decimal.Decimal(raw)
    if kind == "B":
        return base64.b64decode(raw)
    return raw  # strings: code-point order is UTF-8 byte order, DynamoDB's


def unwrap(part):
    """A condition without the parentheses around it (not those of begins_with(...))."""
    part = part.strip()
    while part.startswith("(") and part.endswith(")") and part[1:-1].count("(") == part[1:-1].count(")"):
        part = part[1:-1].strip()
    return part


def key_conditions(expression, names, values):
    """[(attribute, test)] of a KeyConditionExpression, or None when it is not of the shapes DynamoDB allows."""
    def name(token):
        return names.get(token, token)

    conditions = []
    text = expression.strip()
    between = re.search(r"\(?\s*([#\w.]+)\s+BETWEEN\s+(:\w+)\s+AND\s+(:\w+)\s*\)?", text, re.IGNORECASE)
    if between:
        low, high = typed(values[between.group(2)]), typed(values[between.group(3)])
        conditions.append((name(between.group(1)), lambda v, low=low, high=high: low <= v <= high))
        text = re.sub(r"^\s*AND\s+|\s+AND\s*$", "", (text[:between.start()] + text[between.end():]).strip(), flags=re.IGNORECASE)
    for part in [unwrap(p) for p in re.split(r"\s+AND\s+", text, flags=re.IGNORECASE) if p.strip()]:
        begins = re.fullmatch(r"begins_with\s*\(\s*([#\w.]+)\s*,\s*(:\w+)\s*\)", part, re.IGNORECASE)
        if begins:
            prefix = typed(values[begins.group(2)])
            conditions.append((name(begins.group(1)), lambda v, prefix=prefix: v[:len(prefix)] == prefix))
            continue
        compared = re.fullmatch(r"([#\w.]+)\s*(=|<=|>=|<|>)\s*(:\w+)", part)
        if not compared:
            return None
        bound = typed(values[compared.group(3)])
        test = {"=": lambda v, b=bound: v == b, "<": lambda v, b=bound: v < b, "<=": lambda v, b=bound: v <= b,
                ">": lambda v, b=bound: v > b, ">=": lambda v, b=bound: v >= b}[compared.group(2)]
        conditions.append((name(compared.group(1)), test))
    return conditions


def start_key_outside(body):
    """True when a Query's ExclusiveStartKey does not satisfy its key condition, which DynamoDB refuses."""
    start = body.get("ExclusiveStartKey")
    if not start or not body.get("KeyConditionExpression"):
        return False
    try:
        conditions = key_conditions(body["KeyConditionExpression"], body.get("ExpressionAttributeNames") or {},
                                    body.get("ExpressionAttributeValues") or {})
    except (KeyError, ValueError, decimal.InvalidOperation):
        return False
    if conditions is None:
        return False
    for attribute, test in conditions:
        if attribute not in start:
            return True
        try:
            if not test(typed(start[attribute])):
                return True
        except TypeError:  # another type than the condition's: outside
            return True
    return False


class StrictDynamoDb:
    """Refuses what DynamoDB refuses and moto lets through (see the module's description)."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if target.endswith(".Query") and target.startswith("DynamoDB_"):
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length) if length else b""
            environ["wsgi.input"] = io.BytesIO(body)
            try:
                outside = start_key_outside(json.loads(body or b"{}"))
            except ValueError:
                outside = False
            if outside:
                answer = json.dumps({"__type": "com.amazon.coral.validate#ValidationException", "message": OUTSIDE}).encode()
                start_response("400 Bad Request", [("Content-Type", "application/x-amz-json-1.0"),
                                                   ("Content-Length", str(len(answer)))])
                return [answer]
        return self.app(environ, start_response)


def request_path(environ):
    """The path as sent, decoded as UTF-8 (PATH_INFO holds the bytes as Latin-1, as WSGI says)."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if raw:
        return urllib.parse.unquote(urllib.parse.urlsplit(raw).path)
    return environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")


class Recorder:
    """Keeps every signed AWS request (see the module's description); one request at a time, as the server runs."""

    def __init__(self, app):
        self.app = app
        self.calls = []

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/_emulator/calls":
            body = json.dumps({"items": self.calls}, ensure_ascii=False).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        if path.startswith("/_emulator/") or path.startswith("/moto-api"):
            return self.app(environ, start_response)
        query = environ.get("QUERY_STRING", "")
        signature = CREDENTIAL.search(environ.get("HTTP_AUTHORIZATION", "")) \
            or CREDENTIAL.search("Credential=" + dict(urllib.parse.parse_qsl(query)).get("X-Amz-Credential", ""))
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        service = signature.group(3) if signature else None
        keep_body = service != "s3" or "delete" in urllib.parse.parse_qs(query, keep_blank_values=True)
        call = {"accessKey": signature.group(1) if signature else None, "region": signature.group(2) if signature else None,
                "service": service, "method": environ.get("REQUEST_METHOD"), "host": environ.get("HTTP_HOST", ""),
                "path": request_path(environ),
                "query": query, "headers": {h: environ.get("HTTP_" + h.upper().replace("-", "_"), environ.get(h.upper().replace("-", "_")))
                                            for h in NAMING_HEADERS},
                "body": body.decode("utf-8", "replace") if keep_body else None, "status": None}

        def recording_start_response(status, headers, exc_info=None):
            call["status"] = int(status.split(" ", 1)[0])
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.app(environ, recording_start_response)
        self.calls.append(call)
        return result


class Latency:
    """Each request waits `latency_ms` outside the lock, then runs inside it, its whole answer read there (see above)."""

    def __init__(self, app, latency_ms):
        self.app = app
        self.latency = latency_ms / 1000.0
        self.lock = threading.Lock()
        self.requests = 0
        self.busy = 0.0
        self.started = time.monotonic()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/_emulator/busy":
            with self.lock:
                report = {"requests": self.requests, "busyMs": round(self.busy * 1000, 1),
                          "sinceMs": round((time.monotonic() - self.started) * 1000, 1)}
            body = json.dumps(report).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        time.sleep(self.latency)
        answered = {}

        def keep(status, headers, exc_info=None):
            answered["status"], answered["headers"] = status, headers
            return lambda data: answered.setdefault("written", []).append(data)

        with self.lock:
            began = time.monotonic()
            try:
                result = self.app(environ, keep)
                try:
                    chunks = answered.get("written", []) + list(result)
                finally:
                    if hasattr(result, "close"):
                        result.close()
            finally:
                self.requests += 1
                self.busy += time.monotonic() - began
        start_response(answered["status"], answered["headers"])
        return chunks


def fast_sqs_clock():
    """moto's SQS models read the time through moto.core.utils' datetime-based unix_time(): the same value, cheaply."""
    import moto.sqs.models as sqs_models
    from moto.core.utils import unix_time as moto_unix_time

    def unix_time(dt=None):
        return time.time() if dt is None else moto_unix_time(dt)

    def unix_time_millis(dt=None):
        return unix_time(dt) * 1000.0

    sqs_models.unix_time = unix_time
    sqs_models.unix_time_millis = unix_time_millis


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    fast_sqs_clock()
    app = StrictDynamoDb(WithMailbox(DomainDispatcherApplication(create_backend_app)))
    if "--record" in sys.argv[3:]:
        app = Recorder(app)
    latency = None
    if "--latency-ms" in sys.argv[3:]:
        latency = float(sys.argv[sys.argv.index("--latency-ms") + 1])
        app = Latency(app, latency)
    run_simple(host, port, app, threaded=latency is not None, use_reloader=False, request_handler=MotoRequestHandler)
