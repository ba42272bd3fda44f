"""What AWS authorizes each recorded request against (scripts/emulator.py --record keeps the requests).

One request → one or more checks, each an IAM action, the ARN of the resource AWS evaluates it on, and the
condition keys AWS puts into the request context for the keys our policies may use. Where AWS authorizes more
than the API call's own name, so do we:
- DynamoDB: a query or scan of an index is authorized on `table/T/index/I`, not on the table; a transaction is
  authorized item by item, each with its own action (PutItem, UpdateItem, DeleteItem, ConditionCheckItem, GetItem)
  on its own table; a batch on every table it names.
- S3: objects (`bucket/key`) vs the bucket; a version id makes it the *Version action; DeleteObjects is one
  DeleteObject(Version) per key; a GET or HEAD of a key that is not there also needs s3:ListBucket on the bucket
  (without it S3 answers 403, not 404), with `s3:prefix` the key.
- SES (v2 and v1): sending is authorized on the sender's identity (the address when it is itself a verified
  identity, else its domain), with `ses:FromAddress`; in the sandbox also on each recipient's identity.
- EventBridge: PutEvents on each entry's bus; SQS: the queue of the QueueUrl.
A request it does not know how to map raises Unmapped: the harness fails rather than check less than was called.
"""
import base64
import email
import email.policy
import email.utils
import json
import urllib.parse
import xml.etree.ElementTree as ElementTree


class Unmapped(Exception):
    pass


DYNAMODB_TABLE_ACTIONS = {"GetItem", "PutItem", "UpdateItem", "DeleteItem", "DescribeTable", "DescribeTimeToLive"}
TRANSACT_WRITE_ACTIONS = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem", "ConditionCheck": "ConditionCheckItem"}
S3_OBJECT_SUBRESOURCES = {"acl", "tagging", "retention", "legal-hold", "torrent", "uploads", "uploadId", "restore",
                          "attributes", "select"}


class Mapper:
    def __init__(self, account, region, ses_identities=(), ses_sandbox=False):
        self.account, self.region = account, region
        self.ses_identities = {i.lower() for i in ses_identities}
        self.ses_sandbox = ses_sandbox

    def checks(self, call):
        service = call.get("service")
        handler = {"dynamodb": self.dynamodb, "s3": self.s3, "ses": self.ses, "events": self.events,
                   "sqs": self.sqs}.get(service)
        if handler is None:
            raise Unmapped(f"no mapping for service {service!r}: {call.get('method')} {call.get('path')}")
        checks = handler(call)
        if not checks:
            raise Unmapped(f"no check for {service} {call.get('method')} {call.get('path')}")
        return checks

    @staticmethod
    def check(action, resource, context=None):
        return {"action": action, "resource": resource, "context": context or {}}

    # --- DynamoDB (JSON protocol: X-Amz-Target DynamoDB_20120810.<Operation>) --------------------------------

    def table_arn(self, name):
        return name if name.startswith("arn:") else f"arn:aws:dynamodb:{self.region}:{self.account}:table/{name}"

    def dynamodb(self, call):
        operation = (call["headers"].get("x-amz-target") or "").rsplit(".", 1)[-1]
        body = json.loads(call.get("body") or "{}")
        if operation in DYNAMODB_TABLE_ACTIONS:
            return [self.check(f"dynamodb:{operation}", self.table_arn(body["TableName"]))]
        if operation in ("Query", "Scan"):
            arn = self.table_arn(body["TableName"])
            if body.get("IndexName"):
                arn += "/index/" + body["IndexName"]
            return [self.check(f"dynamodb:{operation}", arn)]
        if operation in ("BatchGetItem", "BatchWriteItem"):
            return [self.check(f"dynamodb:{operation}", self.table_arn(t)) for t in body["RequestItems"]]
        if operation == "TransactWriteItems":
            checks = []
            for item in body["TransactItems"]:
                (kind, detail), = item.items()
                checks.append(self.check(f"dynamodb:{TRANSACT_WRITE_ACTIONS[kind]}", self.table_arn(detail["TableName"])))
            return checks
        if operation == "TransactGetItems":
            return [self.check("dynamodb:GetItem", self.table_arn(i["Get"]["TableName"])) for i in body["TransactItems"]]
        raise Unmapped(f"DynamoDB operation {operation!r}")

    # --- S3 (REST, path-style: /bucket/key) --------------------------------------------------------------

    def s3(self, call):
        path = call["path"].lstrip("/")
        bucket, _, key = path.partition("/")
        query = urllib.parse.parse_qs(call.get("query") or "", keep_blank_values=True)
        method, status = call["method"], call.get("status")
        bucket_arn = f"arn:aws:s3:::{bucket}"
        if not bucket:
            raise Unmapped(f"S3 {method} without a bucket (ListBuckets)")
        if key:
            if S3_OBJECT_SUBRESOURCES & set(query):
                raise Unmapped(f"S3 {method} of an object's sub-resource {sorted(S3_OBJECT_SUBRESOURCES & set(query))}")
            object_arn = f"{bucket_arn}/{key}"
            versioned = "versionId" in query
            if method in ("GET", "HEAD"):
                checks = [self.check("s3:GetObjectVersion" if versioned else "s3:GetObject", object_arn)]
                if status == 404:  # S3 tells "no such key" only to who may list the bucket
                    checks.append(self.check("s3:ListBucket", bucket_arn, {"s3:prefix": key}))
                return checks
            if method == "PUT":
                checks = [self.check("s3:PutObject", object_arn)]
                source = call["headers"].get("x-amz-copy-source")
                if source:
                    source_path, _, source_query = urllib.parse.unquote(source).lstrip("/").partition("?versionId=")
                    checks.append(self.check("s3:GetObjectVersion" if source_query else "s3:GetObject",
                                             f"arn:aws:s3:::{source_path}"))
                return checks
            if method == "DELETE":
                return [self.check("s3:DeleteObjectVersion" if versioned else "s3:DeleteObject", object_arn)]
            raise Unmapped(f"S3 {method} of an object")
        if method == "POST" and "delete" in query:  # DeleteObjects: authorized key by key
            root = ElementTree.fromstring(call.get("body") or "<Delete/>")
            checks = []
            for element in root.iter():
                if element.tag.rsplit("}", 1)[-1] != "Object":
                    continue
                fields = {child.tag.rsplit("}", 1)[-1]: child.text for child in element}
                checks.append(self.check("s3:DeleteObjectVersion" if fields.get("VersionId") else "s3:DeleteObject",
                                         f"{bucket_arn}/{fields['Key']}"))
            return checks
        if method in ("GET", "HEAD") and not (set(query) - {"list-type", "prefix", "delimiter", "max-keys", "continuation-token",
                                                            "start-after", "encoding-type", "fetch-owner", "marker"}):
            context = {"s3:prefix": query["prefix"][0]} if "prefix" in query else {}
            return [self.check("s3:ListBucket", bucket_arn, context)]
        if method == "GET" and "versions" in query:
            context = {"s3:prefix": query["prefix"][0]} if "prefix" in query else {}
            return [self.check("s3:ListBucketVersions", bucket_arn, context)]
        raise Unmapped(f"S3 {method} /{bucket}?{call.get('query')}")

    # --- SES ----------------------------------------------------------------------------------------------

    def identity_arn(self, identity):
        return f"arn:aws:ses:{self.region}:{self.account}:identity/{identity}"

    def sender_identity(self, address):
        address = address.lower()
        if address in self.ses_identities:
            return address
        return address.rpartition("@")[2]

    def ses(self, call):
        if call["method"] == "GET" and call["path"].rstrip("/") == "/v2/email/account":  # GetAccount: no resource type
            return [self.check("ses:GetAccount", "*")]
        if call["path"].startswith("/v2/email/outbound-emails"):  # SES API v2 SendEmail (REST + JSON)
            body = json.loads(call.get("body") or "{}")
            sender = body.get("FromEmailAddress")
            destination = body.get("Destination") or {}
            recipients = [a for f in ("ToAddresses", "CcAddresses", "BccAddresses") for a in destination.get(f, [])]
            raw = ((body.get("Content") or {}).get("Raw") or {}).get("Data")
            if raw and (sender is None or not recipients):
                message = email.message_from_bytes(base64.b64decode(raw), policy=email.policy.default)
                sender = sender or str(message["From"])
                if not recipients:
                    recipients = [str(a) for h in ("To", "Cc", "Bcc") for a in message.get_all(h, [])]
            action = "ses:SendEmail"
        elif call["method"] == "POST" and call["path"] in ("", "/"):  # SES API v1 (query protocol)
            form = urllib.parse.parse_qs(call.get("body") or "")
            operation = form.get("Action", [""])[0]
            if operation not in ("SendEmail", "SendRawEmail"):
                raise Unmapped(f"SES v1 action {operation!r}")
            sender = form.get("Source", [None])[0]
            recipients = [v[0] for k, v in form.items() if k.startswith("Destination") and ".member." in k]
            action = f"ses:{operation}"
        else:
            raise Unmapped(f"SES {call['method']} {call['path']}")
        if not sender:
            raise Unmapped("SES send without a sender address")
        from_address = email.utils.parseaddr(sender)[1]
        recipient_addresses = [email.utils.parseaddr(r)[1] for r in recipients]
        context = {"ses:FromAddress": from_address, "ses:Recipients": recipient_addresses, "ses:ApiVersion": "2"
                   if action == "ses:SendEmail" and call["path"].startswith("/v2/") else "1"}
        checks = [self.check(action, self.identity_arn(self.sender_identity(from_address)), context)]
        if self.ses_sandbox:  # the sandbox authorizes sending *to* each recipient's (verified) identity too
            checks += [self.check(action, self.identity_arn(r), context) for r in recipient_addresses]
        return checks

    # --- EventBridge, SQS ---------------------------------------------------------------------------------

    def events(self, call):
        operation = (call["headers"].get("x-amz-target") or "").rsplit(".", 1)[-1]
        if operation != "PutEvents":
            raise Unmapped(f"EventBridge operation {operation!r}")
        body = json.loads(call.get("body") or "{}")
        buses = {e.get("EventBusName") or "default" for e in body.get("Entries", [])}
        return [self.check("events:PutEvents", b if b.startswith("arn:") else
                           f"arn:aws:events:{self.region}:{self.account}:event-bus/{b}") for b in sorted(buses)]

    def sqs(self, call):
        target = call["headers"].get("x-amz-target")
        if target:  # JSON protocol
            operation = target.rsplit(".", 1)[-1]
            queue_url = json.loads(call.get("body") or "{}").get("QueueUrl")
        else:  # query protocol
            form = urllib.parse.parse_qs(call.get("body") or call.get("query") or "")
            operation, queue_url = form.get("Action", [""])[0], form.get("QueueUrl", [None])[0]
        if not queue_url:
            raise Unmapped(f"SQS {operation!r} without a queue")
        name = urllib.parse.urlparse(queue_url).path.rstrip("/").rsplit("/", 1)[-1]
        action = {"SendMessageBatch": "SendMessage", "DeleteMessageBatch": "DeleteMessage",
                  "ChangeMessageVisibilityBatch": "ChangeMessageVisibility"}.get(operation, operation)
        return [self.check(f"sqs:{action}", f"arn:aws:sqs:{self.region}:{self.account}:{name}")]
