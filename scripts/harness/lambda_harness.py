"""The Lambda-fidelity harness (scripts/test-lambda): every function of template.yaml run the way AWS Lambda
runs it, as far as the pieces that exist outside AWS allow.

For each function:
- the exact artifact SAM deploys: its Lambda jar, unzipped as /var/task would hold it (see Makefile);
- Lambda's Java runtime pieces: the Runtime Interface Emulator (RIE) as the Runtime API, the Runtime
  Interface Client (RIC) as the JVM's entry point, with the managed runtime's JVM flags, the handler,
  environment, memory and timeout of the template (SAM-translated, Globals merged);
- SnapStart's environment: no access-key variables at all; credentials only from a loopback
  container-credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI + AWS_CONTAINER_AUTHORIZATION_TOKEN,
  token checked) that hands out the credentials of that function's own role, from the emulator's STS;
  AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, so the RIC runs the CRaC beforeCheckpoint/afterRestore hooks
  (org.crac delegating to the RIC's context, as -Dorg.crac.Core.Compat does in Lambda) after init and
  before the first request; the RIE has no orchestrator that would restore a snapshot, so a thin shim in
  front of its Runtime API answers the RIC's "restore/next" call, and forwards everything else;
- IAM enforced, twice: a separate emulator whose IAM checking is switched on after set-up refuses any action
  outside the function's role (created from the template's own policies, expanded by aws-sam-translator; the
  emulator matches actions against resource "*" only, so resources are widened for that check); and every call
  the emulator recorded (scripts/emulator.py --record) is mapped to the action, resource ARNs and condition keys AWS
  authorizes it against (iam_calls.py) and evaluated against the policies as written, resources and conditions
  included, by @cloud-copilot/iam-simulate (iam_check.cjs): a denial fails the run and names function, action and
  resource; a call that cannot be mapped or attributed to a function fails it too. SES is checked as production
  (sender identity) and as the sandbox (each recipient's identity too) unless --ses-mode says one;
- a scenario across functions that checks effects: a declared document's upload event makes it AVAILABLE,
  the reminder tick queues its due reminder, the worker (fed by the harness as the SQS event source mapping
  would be: the template's batch size, batch item failures honoured) fires it and its ADMIN sees the notification, then every route on its success path; then every
  sample of events/ on what the scenario prepared (the ids events/expected.json's _ids names replaced by the
  scenario's), each answering what events/expected.json says.

Prints one line per invocation, then "iam: calls=N checked=N denied=M" and, last,
"lambda: functions=N passed=N failed=M". A failure prints the
function, the event and the runtime's error (and the tail of the function's log).
Usage: python lambda_harness.py --moto-port PORT --rie PATH --runtime-lib DIR [--only FunctionId ...]
"""
import argparse
import copy
import datetime
import http.client
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.error
import urllib.request
import uuid
import zipfile
from zoneinfo import ZoneInfo

import boto3
from iam_calls import Mapper, Unmapped
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = os.path.join(ROOT, "target", "lambda-harness")
STACK, ACCOUNT, REGION = "harness", "123456789012", "us-east-1"
# moto names a transaction's action after the API call; AWS authorizes each item's own action instead
MOTO_TRANSACTION_ACTIONS = {
    "dynamodb:TransactWriteItems": {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                                    "dynamodb:ConditionCheckItem"},
    "dynamodb:TransactGetItems": {"dynamodb:GetItem"},
    # and a batch of SQS messages after its API call too; AWS authorizes SendMessage
    "sqs:SendMessageBatch": {"sqs:SendMessage"},
}
# deployed as a prod stack would be: the parameters template.yaml's Rules require in prod (test_template.py checks
# that they satisfy those rules and that the defaults do not)
PROD_PARAMETERS = {"Stage": "prod", "MailFromAddress": "rappels@harness.example", "FrontendOrigin": "https://app.harness.example",
                   "FrontendBaseUrl": "https://app.harness.example", "CallbackUrls": "https://app.harness.example/auth/callback",
                   "LogoutUrls": "https://app.harness.example/", "AlarmEmail": "ops@harness.example"}
LOG_FAILURES = ("SnapStart priming failed", "AccessDenied", "is not authorized to perform", "Unable to load credentials",
                "Status Code: 403")


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


# --- template ----------------------------------------------------------------------------------------------

def translated_template():
    """template.yaml as CloudFormation, the way `sam deploy` hands it over (Globals merged, roles generated)."""
    with open(os.path.join(ROOT, "template.yaml"), encoding="utf-8") as f:
        template = yaml_parse(f.read())
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://harness/code.zip"  # what `sam package` writes there

    class NoManagedPolicies:
        def load(self):
            return {}

    parameters = {name: p.get("Default", "harness-" + name.lower())
                  for name, p in template.get("Parameters", {}).items()}
    parameters.update(PROD_PARAMETERS)
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    return transform(template, parameters, NoManagedPolicies()), parameters


class Intrinsics:
    """Resolves the intrinsic functions the harness meets: Ref, Fn::Sub, Fn::GetAtt (…Arn), Fn::Join."""

    def __init__(self, resources, parameters, names):
        self.resources, self.parameters, self.names = resources, parameters, names

    def ref(self, name):
        pseudo = {"AWS::StackName": STACK, "AWS::AccountId": ACCOUNT, "AWS::Region": REGION, "AWS::Partition": "aws",
                  "AWS::URLSuffix": "amazonaws.com"}
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        if self.resources.get(name, {}).get("Type") == "AWS::SQS::Queue":  # a queue's Ref is its URL
            return f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{self.names.get(name, name)}"
        return self.names.get(name, name)

    def get_att(self, name, attribute):
        kind = self.resources[name]["Type"]
        physical = self.names.get(name, name)
        if kind == "AWS::SQS::Queue" and attribute == "QueueName":
            return physical
        if attribute != "Arn":
            return f"{name}.{attribute}"
        return {
            "AWS::DynamoDB::Table": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{physical}",
            "AWS::Events::EventBus": f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/{physical}",
            "AWS::S3::Bucket": f"arn:aws:s3:::{physical}",
            "AWS::SQS::Queue": f"arn:aws:sqs:{REGION}:{ACCOUNT}:{physical}",
        }.get(kind, f"arn:aws:harness:::{physical}")

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if "Ref" in value:
            return self.ref(value["Ref"])
        if "Fn::GetAtt" in value:
            target = value["Fn::GetAtt"]
            name, attribute = target if isinstance(target, list) else target.split(".", 1)
            return self.get_att(name, attribute)
        if "Fn::Sub" in value:
            text = value["Fn::Sub"]

            def one(match):
                token = match.group(1)
                if "." in token and not token.startswith("AWS::"):
                    return self.get_att(*token.split(".", 1))
                return str(self.ref(token))

            return re.sub(r"\$\{([^}]+)}", one, text)
        if "Fn::Join" in value:
            separator, parts = value["Fn::Join"]
            return separator.join(str(self.resolve(p)) for p in parts)
        return {k: self.resolve(v) for k, v in value.items()}


def function_modules():
    """FunctionId → Maven module, from the Makefile SAM builds with (`build-X: $(call lambda,module)`)."""
    modules, current = {}, None
    with open(os.path.join(ROOT, "Makefile"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^build-(\w+):", line)
            if m:
                current = m.group(1)
            m = re.search(r"\$\(call lambda,([\w-]+)\)", line)
            if m and current:
                modules[current] = m.group(1)
    return modules


# --- the emulator with IAM ---------------------------------------------------------------------------------

class Aws:
    """The harness's own emulator: resources and roles are created with IAM checking off; then it is switched
    on for good, and the harness itself goes on as an IAM user allowed everything."""

    def __init__(self, port):
        self.endpoint = f"http://127.0.0.1:{port}"
        self.port = port
        self.session = boto3.session.Session(aws_access_key_id="setup", aws_secret_access_key="setup", region_name=REGION)
        self.harness_keys = {"setup"}  # the harness's own calls (set-up, uploads as a browser): not a function's

    def client(self, service, session=None):
        return (session or self.session).client(service, endpoint_url=self.endpoint,
                                                config=boto3.session.Config(s3={"addressing_style": "path"}))

    def enable_iam(self):
        admin = self.client("iam")
        admin.create_user(UserName="harness-admin")
        admin.put_user_policy(UserName="harness-admin", PolicyName="everything", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        key = admin.create_access_key(UserName="harness-admin")["AccessKey"]
        self.harness_keys.add(key["AccessKeyId"])
        request = urllib.request.Request(self.endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                         headers={"Content-Type": "text/plain"})
        urllib.request.urlopen(request).read()
        self.session = boto3.session.Session(aws_access_key_id=key["AccessKeyId"],
                                             aws_secret_access_key=key["SecretAccessKey"], region_name=REGION)


def create_resources(aws, cfn, intrinsics):
    """The table, bucket and bus from the template's own definitions; only their names are the harness's."""
    resources = cfn["Resources"]
    table = resources["Table"]["Properties"]
    dynamodb = aws.client("dynamodb")
    dynamodb.create_table(TableName=intrinsics.ref("Table"), BillingMode=table["BillingMode"],
                          AttributeDefinitions=table["AttributeDefinitions"], KeySchema=table["KeySchema"],
                          GlobalSecondaryIndexes=table.get("GlobalSecondaryIndexes", []))
    ttl = table.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        dynamodb.update_time_to_live(TableName=intrinsics.ref("Table"), TimeToLiveSpecification=ttl)
    bucket = intrinsics.ref("DocumentsBucket")
    s3 = aws.client("s3")
    s3.create_bucket(Bucket=bucket)
    if resources["DocumentsBucket"]["Properties"].get("VersioningConfiguration", {}).get("Status") == "Enabled":
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    aws.client("events").create_event_bus(Name=intrinsics.ref("EventBus"))
    for logical, resource in resources.items():  # the queues, as the template sets their visibility timeout
        if resource["Type"] == "AWS::SQS::Queue":
            visibility = resource.get("Properties", {}).get("VisibilityTimeout", 30)
            aws.client("sqs").create_queue(QueueName=intrinsics.get_att(logical, "QueueName"),
                                           Attributes={"VisibilityTimeout": str(visibility)})
    for logical, resource in resources.items():  # the bus's rules that put events on a queue (MailerRule → MailQueue)
        rule = resource.get("Properties", {})
        queues = [t for t in rule.get("Targets", []) if isinstance(t.get("Arn"), dict) and "Fn::GetAtt" in t["Arn"]
                  and resources.get(intrinsics_target(t["Arn"]), {}).get("Type") == "AWS::SQS::Queue"]
        if resource["Type"] == "AWS::Events::Rule" and "EventBusName" in rule and queues:
            events = aws.client("events")
            bus = intrinsics.resolve(rule["EventBusName"])
            events.put_rule(Name=f"{STACK}-{logical}", EventBusName=bus, EventPattern=json.dumps(rule["EventPattern"]))
            events.put_targets(Rule=f"{STACK}-{logical}", EventBusName=bus,
                               Targets=[{"Id": t["Id"], "Arn": intrinsics.resolve(t["Arn"])} for t in queues])
    for identity in sender_identities(intrinsics):  # verified out of band in AWS (README "Deploy")
        aws.client("sesv2").create_email_identity(EmailIdentity=identity)


def intrinsics_target(get_att):
    """The logical id a {"Fn::GetAtt": …} names."""
    target = get_att["Fn::GetAtt"]
    return target[0] if isinstance(target, list) else target.split(".", 1)[0]


def sender_identities(intrinsics):
    """The SES identity reminder e-mails go out from: MailFromAddress's domain, verified in AWS before the first sweep."""
    sender = intrinsics.parameters.get("MailFromAddress")
    return [sender.rpartition("@")[2]] if sender else []


def widened(statement):
    """A policy statement as the emulator can check it: resources widened to "*" (it matches actions against
    "*" only), and moto's transaction action names granted where AWS would authorize each item's action."""
    actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
    extra = [moto for moto, aws in MOTO_TRANSACTION_ACTIONS.items() if aws & set(actions)]
    return {"Effect": statement["Effect"], "Action": actions + extra, "Resource": "*"}


def role_policies(cfn, function_id, intrinsics, drop_resource=None):
    """The function's inline policies as AWS will hold them: intrinsics resolved, resources and conditions as written.
    drop_resource (FunctionId=text) removes, from that function's policies alone, every resource containing text."""
    role_id = cfn["Resources"][function_id]["Properties"]["Role"]["Fn::GetAtt"][0]
    policies = []
    for policy in cfn["Resources"][role_id]["Properties"].get("Policies", []):
        document = intrinsics.resolve(copy.deepcopy(policy["PolicyDocument"]))
        if drop_resource and drop_resource[0] == function_id:
            for statement in document["Statement"]:
                resources = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
                statement["Resource"] = [r for r in resources if drop_resource[1] not in r]
            document["Statement"] = [st for st in document["Statement"] if st["Resource"]]
        policies.append({"name": policy["PolicyName"], "policy": document})
    return policies


def role_credentials(aws, function_id, cfn, intrinsics, drop_action=None):
    """Creates the function's role from the SAM-generated one and assumes it: the credentials SnapStart hands out."""
    role_id = cfn["Resources"][function_id]["Properties"]["Role"]["Fn::GetAtt"][0]
    role = cfn["Resources"][role_id]["Properties"]
    iam = aws.client("iam")
    name = f"{function_id}Role"
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(role["AssumeRolePolicyDocument"]))
    for policy in role.get("Policies", []):
        statements = [widened(intrinsics.resolve(s)) for s in policy["PolicyDocument"]["Statement"]]
        if drop_action:
            for s in statements:
                s["Action"] = [a for a in s["Action"] if a != drop_action]
            statements = [s for s in statements if s["Action"]]
        iam.put_role_policy(RoleName=name, PolicyName=policy["PolicyName"],
                            PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": statements}))
    assumed = aws.client("sts").assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT}:role/{name}",
                                            RoleSessionName=function_id, DurationSeconds=3600)["Credentials"]
    return {"AccessKeyId": assumed["AccessKeyId"], "SecretAccessKey": assumed["SecretAccessKey"],
            "Token": assumed["SessionToken"],
            "Expiration": assumed["Expiration"].astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}


# --- loopback servers --------------------------------------------------------------------------------------

class Quiet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class CredentialsEndpoint:
    """The container-credentials endpoint of SnapStart: one path per function, its token required."""

    def __init__(self):
        self.credentials, self.tokens, self.requests = {}, {}, []
        endpoint = self

        class Handler(Quiet):
            def do_GET(self):
                function_id = self.path.strip("/")
                endpoint.requests.append(function_id)
                token = endpoint.tokens.get(function_id)
                if token is None or self.headers.get("Authorization") != token:
                    self.reply(403, b'{"message":"bad token"}')
                    return
                self.reply(200, json.dumps(endpoint.credentials[function_id]).encode(), [("Content-Type", "application/json")])

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def register(self, function_id, credentials):
        self.credentials[function_id] = credentials
        self.tokens[function_id] = str(uuid.uuid4())
        return f"http://127.0.0.1:{self.server.server_address[1]}/{function_id}", self.tokens[function_id]


class RestoreShim:
    """Stands between the RIC and the RIE's Runtime API: answers the one call the RIE cannot ("restore/next",
    which in Lambda returns once the snapshot is restored) and forwards every other call unchanged."""

    def __init__(self, runtime_api_port):
        self.restores = 0
        shim = self

        class Handler(Quiet):
            def forward(self):
                if self.path.endswith("/runtime/restore/next"):
                    shim.restores += 1
                    self.reply(200)
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                connection = http.client.HTTPConnection("127.0.0.1", runtime_api_port, timeout=None)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                try:
                    connection.request(self.command, self.path, body=body, headers=headers)
                    response = connection.getresponse()
                    data = response.read()
                except OSError:  # the emulator went away (the harness stops it): so does the runtime
                    self.close_connection = True
                    return
                passed = [(k, v) for k, v in response.getheaders()
                          if k.lower() not in ("content-length", "connection", "transfer-encoding", "date", "server")]
                connection.close()
                self.reply(response.status, data, passed)

            do_GET = do_POST = do_PUT = forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.port = self.server.server_address[1]


# --- one function ------------------------------------------------------------------------------------------

class Function:
    def __init__(self, function_id, properties, module, env, args):
        self.id, self.module = function_id, module
        self.memory = int(properties.get("MemorySize", 128))
        self.timeout = int(properties.get("Timeout", 3))
        self.handler = properties["Handler"]
        self.env, self.args = env, args
        self.log_path = os.path.join(WORK, f"{function_id}.log")
        self.process = None

    def artifact(self):
        """The function's Lambda jar, unzipped as SAM ships it (Makefile: unzip into the artifacts directory)."""
        target = os.path.join(self.args.artifacts_root, "functions", self.module, "target")
        jars = [j for j in os.listdir(target) if j.endswith("-lambda.jar")] if os.path.isdir(target) else []
        if not jars:
            raise SystemExit(f"{self.id}: no Lambda jar in {target}: build it first (mvn package)")
        task = os.path.join(WORK, "task", self.id)
        shutil.rmtree(task, ignore_errors=True)
        with zipfile.ZipFile(os.path.join(target, jars[0])) as jar:
            jar.extractall(task)
        return task

    def start(self, credentials_uri, token):
        task = self.artifact()
        self.api_port, self.invoke_port = free_port(), free_port()
        self.shim = RestoreShim(self.api_port)
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TZ", "JAVA_HOME")}
        env.update(self.env)
        env.update({
            "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION,
            "AWS_LAMBDA_FUNCTION_NAME": self.id, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(self.memory),
            "AWS_LAMBDA_FUNCTION_TIMEOUT": str(self.timeout), "AWS_LAMBDA_FUNCTION_VERSION": "1",
            "AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": credentials_uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": token,
            "LAMBDA_TASK_ROOT": task, "TZ": ":UTC", "_HANDLER": self.handler,
        })
        # the emulator, reached through the SDK's own per-service endpoint variables
        for service in ("DYNAMODB", "S3", "EVENTBRIDGE", "SQS", "SES", "SESV2", "STS"):
            env[f"AWS_ENDPOINT_URL_{service}"] = f"http://127.0.0.1:{self.args.moto_port}"
        env["S3_FORCE_PATH_STYLE"] = "true"  # the emulator's S3 is on 127.0.0.1: no virtual-host buckets
        runtime_lib = os.path.join(self.args.runtime_lib, "*")
        java = [
            "java", f"-XX:MaxHeapSize={self.memory * 1024 * 85 // 100}k", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-Djava.net.preferIPv4Stack=true",
            "-XX:+ErrorFileToStderr",
            "-classpath", f"{runtime_lib}:{task}:{os.path.join(task, 'lib', '*')}",
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", self.handler,
        ]
        # SnapStart: no access-key variables reach the runtime (the RIE would pass them, empty, otherwise)
        command = [self.args.rie, "--runtime-api-address", f"127.0.0.1:{self.api_port}",
                   "--runtime-interface-emulator-address", f"127.0.0.1:{self.invoke_port}",
                   "env", "-u", "AWS_ACCESS_KEY_ID", "-u", "AWS_SECRET_ACCESS_KEY", "-u", "AWS_SESSION_TOKEN",
                   f"AWS_LAMBDA_RUNTIME_API=127.0.0.1:{self.shim.port}"] + java
        self.log_file = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(command, env=env, cwd=task, stdout=self.log_file, stderr=subprocess.STDOUT)
        if not wait_for_port(self.invoke_port, 20):
            raise RuntimeError(f"{self.id}: the runtime interface emulator did not start (see {self.log_path})")

    def invoke(self, event):
        started = time.time()
        request = urllib.request.Request(f"http://127.0.0.1:{self.invoke_port}/2015-03-31/functions/function/invocations",
                                         data=json.dumps(event).encode("utf-8"), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout + 60) as response:
                payload = response.read().decode("utf-8")
        except urllib.error.HTTPError as e:  # the emulator's own error: the runtime died, timed out…
            return {"errorType": f"RuntimeInterfaceEmulator{e.code}",
                    "errorMessage": e.read().decode("utf-8", "replace")}, int((time.time() - started) * 1000)
        try:
            return json.loads(payload), int((time.time() - started) * 1000)
        except ValueError:
            return {"errorType": "NotJson", "errorMessage": payload}, int((time.time() - started) * 1000)

    def log_errors(self, lines=8):
        """The runtime's last error lines (no stack frames), or the log's tail when it has none."""
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                all_lines = f.readlines()
        except OSError:
            return ""
        errors = [l for l in all_lines if re.search(r"ERROR|Exception|Caused by|errorMessage", l) and not l.startswith("\tat ")]
        return "".join("    " + l for l in (errors or all_lines)[-lines:])

    def log_problems(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip() for line in f if any(marker in line for marker in LOG_FAILURES)]

    def non_json_lines(self):
        """Lines the function itself wrote that are not one JSON object each (logs are JSON, one per line)."""
        platform = re.compile(r"^(\d{2} \w{3} \d{4} .*\(rapid\)|START RequestId|END RequestId|REPORT RequestId|Picked up JAVA_TOOL_OPTIONS|\s*$)")
        bad = []
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if platform.match(line):
                    continue
                try:
                    if not isinstance(json.loads(line), dict):
                        bad.append(line.rstrip())
                except ValueError:
                    bad.append(line.rstrip())
        return bad

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.log_file.close()
        self.shim.server.shutdown()


# --- what each event must do -------------------------------------------------------------------------------

def load_event(name):
    with open(os.path.join(ROOT, "events", name), encoding="utf-8") as f:
        return json.load(f)


def uploaded(aws, bucket, key, content):
    """Puts the bytes as the browser's PUT would (the emulator cannot check presigned signatures; S3Proxy
    does, in the files tests) and returns the S3 event of that object version."""
    version = aws.client("s3").put_object(Bucket=bucket, Key=key, Body=content, ContentType="text/plain")["VersionId"]
    event = load_event("s3-document-uploaded-version.json")
    record = event["Records"][0]
    record["s3"]["bucket"].update({"name": bucket, "arn": f"arn:aws:s3:::{bucket}"})
    record["s3"]["object"].update({"key": urllib.parse.quote(key), "versionId": version, "size": len(content)})
    return event


def with_path(event, path, body=None):
    """A sample HTTP event sent to another path (the scenario's own project and document)."""
    e = copy.deepcopy(event)
    e["rawPath"] = path
    e["requestContext"]["http"]["path"] = path
    if body is not None:
        e["body"] = json.dumps(body)
    return e


class Outcome:
    def __init__(self):
        self.failures = []
        self.count = 0

    def check(self, function, event_name, result, millis, expectation, condition, detail=""):
        self.count += 1
        mark = "ok" if condition else "FAILED"
        log(f"  {function.id:<24} {event_name:<44} {expectation:<34} {mark} ({millis} ms)")
        if not condition:
            error = result.get("errorMessage") or result.get("body") or json.dumps(result)[:800]
            self.failures.append((function, event_name,
                                  f"expected {expectation}; got {json.dumps(result)[:600]}\n    runtime error: {error}\n{detail}"))
        return condition


def status_of(result):
    return result.get("statusCode") if isinstance(result, dict) else None


def sample_order(expected, meta):
    """The samples in file-name order, those of _last (they change what the others read) at the end."""
    last = meta.get("_last", [])
    return sorted((n for n in expected if n not in last)) + [n for n in last if n in expected]


def prepared_event(name, meta, prepared):
    """A sample with the ids it names (events/expected.json's _ids) replaced by those the scenario prepared."""
    text = json.dumps(load_event(name))
    # the notification id holds the document id: replace the longer ids first
    for role, sample_id in sorted(meta.get("_ids", {}).items(), key=lambda kv: -len(kv[1])):
        if role in prepared:
            text = text.replace(sample_id, prepared[role])
    return json.loads(text)


def run_samples(functions, expected, meta, prepared, outcome):
    for name in sample_order(expected, meta):
        spec = expected[name]
        function = functions.get(spec["function"])
        if function is None:
            continue
        result, millis = function.invoke(prepared_event(name, meta, prepared))
        if "status" in spec:
            outcome.check(function, name, result, millis, f"status {spec['status']}", status_of(result) == spec["status"])
        elif "claims" in spec:
            added = ((result.get("response") or {}).get("claimsOverrideDetails") or {}).get("claimsToAddOrOverride")
            outcome.check(function, name, result, millis, f"claims {spec['claims']}", added == spec["claims"])
        elif "batchItemFailures" in spec:
            outcome.check(function, name, result, millis, f"batchItemFailures {spec['batchItemFailures']}",
                          item_failures(result) == spec["batchItemFailures"])
        elif "report" in spec:
            outcome.check(function, name, result, millis, "a report (" + ", ".join(spec["report"][:2]) + ", …)",
                          isinstance(result, dict) and all(field in result for field in spec["report"]))
        else:
            outcome.check(function, name, result, millis, f"result {spec['result']}", result == spec["result"])


def run_scenario(functions, aws, intrinsics, bucket, zone, outcome):
    """Effects across functions: declare → upload → upload event → AVAILABLE → project closed (reminder out of the due
    index) and reopened → reminder fires → notification."""
    needed = ["ProjectsFunction", "DocumentsFunction", "UploadEventsFunction", "ReminderFunction", "ReminderWorkerFunction",
              "NotificationsFunction"]
    if any(n not in functions for n in needed):
        return
    projects, documents, uploads = functions["ProjectsFunction"], functions["DocumentsFunction"], functions["UploadEventsFunction"]
    result, millis = projects.invoke(load_event("projects-create.json"))
    if not outcome.check(projects, "projects-create.json (scenario)", result, millis, "status 201", status_of(result) == 201):
        return
    project = json.loads(result["body"])["id"]
    yesterday = (datetime.datetime.now(ZoneInfo(zone)).date() - datetime.timedelta(days=1)).isoformat()
    content = "Certificat d'assurance — harnais\n".encode("utf-8")
    declare = load_event("documents-declare.json")
    body = json.loads(declare["body"])
    body.update({"contentType": "text/plain", "sizeBytes": len(content), "reminderDate": yesterday})
    result, millis = documents.invoke(with_path(declare, f"/projects/{project}/admin-documents", body))
    if not outcome.check(documents, "documents-declare.json (scenario)", result, millis, "status 201", status_of(result) == 201):
        return
    declared = json.loads(result["body"])
    document = declared["document"]["id"]
    url = urllib.parse.urlparse(declared["upload"]["url"])
    key = urllib.parse.unquote(url.path.split("/", 2)[2])  # path-style: /bucket/key
    result, millis = uploads.invoke(uploaded(aws, bucket, key, content))
    outcome.check(uploads, "s3-document-uploaded-version.json (scenario)", result, millis, "result ['AVAILABLE']",
                  result == ["AVAILABLE"])
    result, millis = documents.invoke(with_path(load_event("documents-read.json"), f"/projects/{project}/admin-documents/{document}"))
    available = status_of(result) == 200 and json.loads(result["body"]).get("status") == "AVAILABLE"
    outcome.check(documents, "documents-read.json (scenario)", result, millis, "status 200, AVAILABLE", available)
    tick = load_event("reminder-schedule.json")
    tick["time"] = utc_text(datetime.datetime.now(datetime.timezone.utc))  # the sweep runs as of its tick: now
    # closed, the project's reminder leaves the due index (the projects function moves it under its own role):
    # the sweep neither fires nor even reads it; reopened, it is back, due when it was, and fires
    for state in ("CLOSED", "ACTIVE"):
        edit = with_path(load_event("projects-edit-admin-info.json"), f"/projects/{project}/admin-info", {"state": state})
        result, millis = projects.invoke(edit)
        if not outcome.check(projects, f"projects-edit-admin-info.json (scenario, {state})", result, millis, "status 200",
                             status_of(result) == 200):
            return
        if state == "CLOSED":
            listed, millis = functions["ReminderFunction"].invoke(tick)
            outcome.check(functions["ReminderFunction"], "reminder-schedule.json (scenario, project closed)", listed, millis,
                          "due 0, workItems 0", isinstance(listed, dict) and listed.get("due") == 0
                          and listed.get("workItems") == 0)
    listed, millis = functions["ReminderFunction"].invoke(tick)
    outcome.check(functions["ReminderFunction"], "reminder-schedule.json (scenario)", listed, millis, "workItems >= 1",
                  isinstance(listed, dict) and listed.get("workItems", 0) >= 1 and listed.get("unsent", 1) == 0)
    # the work queue's event source mapping, as Lambda runs it: batches of the template's size to the worker
    worker = functions["ReminderWorkerFunction"]
    deliver_queue(aws, worker, intrinsics, outcome, "reminder work")
    unreadable_message(worker, intrinsics, outcome, "reminder work")
    creator = load_event("projects-create.json")["requestContext"]["authorizer"]
    as_creator = load_event("notifications-list.json")
    as_creator["requestContext"]["authorizer"] = creator  # the reminder's recipient: the project's ADMIN
    result, millis = functions["NotificationsFunction"].invoke(as_creator)
    items = json.loads(result["body"]).get("items", []) if status_of(result) == 200 else []
    outcome.check(functions["NotificationsFunction"], "notifications-list.json (scenario)", result, millis,
                  "the reminder's notification", any(i.get("documentId") == document for i in items))
    # a new version arriving after the reminder fired renews the document: the upload function's own
    # transaction stops the reminder and notifies the ADMINs (reads of the project and organization, puts)
    renewal = {"fileName": "assurance renouvelée.txt", "contentType": "text/plain", "sizeBytes": len(content)}
    result, millis = documents.invoke(with_path(load_event("documents-add-version.json"),
                                                f"/projects/{project}/admin-documents/{document}/versions", renewal))
    if outcome.check(documents, "documents-add-version.json (scenario)", result, millis, "status 201", status_of(result) == 201):
        url = urllib.parse.urlparse(json.loads(result["body"])["upload"]["url"])
        result, millis = uploads.invoke(uploaded(aws, bucket, urllib.parse.unquote(url.path.split("/", 2)[2]), content))
        outcome.check(uploads, "s3-document-uploaded-version.json (scenario, renewal)", result, millis, "result ['AVAILABLE']",
                      result == ["AVAILABLE"])
        result, millis = documents.invoke(with_path(load_event("documents-read.json"), f"/projects/{project}/admin-documents/{document}"))
        renewed = status_of(result) == 200 and json.loads(result["body"]).get("reminderResolution") == "RENEWED"
        outcome.check(documents, "documents-read.json (scenario, renewed)", result, millis, "reminderResolution RENEWED", renewed)
    mailer = functions.get("MailerFunction")
    if mailer is not None:
        # the worker's DocumentReminderDue went through the bus's MailerRule to the mail queue; its event source mapping
        # hands it to the mailer, which sends through SES under its own role (the creator's profile — e-mail, name, locale
        # of their token — was remembered by the functions they called), once: the same event again mails nobody twice
        address = creator["jwt"]["claims"]["email"]
        before = len(mailbox(aws, address))
        bodies = [m["Body"] for m in deliver_queue(aws, mailer, intrinsics, outcome, "reminder e-mail")]
        mailed = len(mailbox(aws, address)) - before
        outcome.check(mailer, "reminder e-mail (scenario, the rule's event)", {"mailed": mailed}, 0, "the creator mailed once",
                      mailed == 1 and len(bodies) >= 1)
        sqs = aws.client("sqs")
        url = sqs.get_queue_url(QueueName=event_source(mailer, intrinsics)[1])["QueueUrl"]
        for again in bodies:  # EventBridge delivers at least once
            sqs.send_message(QueueUrl=url, MessageBody=again)
        deliver_queue(aws, mailer, intrinsics, outcome, "reminder e-mail, repeated")
        mailed = len(mailbox(aws, address)) - before
        outcome.check(mailer, "reminder e-mail (scenario, repeated)", {"mailed": mailed}, 0, "still once", mailed == 1)
        unreadable_message(mailer, intrinsics, outcome, "reminder e-mail")
        # SES refuses the next send as past the account's rate (the emulator stands in for the quota): the mailer puts
        # that recipient back on its queue, under its own role, with a delay; delivered again, the e-mail goes out once
        event = json.loads(bodies[0])
        event["detail"]["idempotencyKey"] += "/throttled"
        throttle(aws, 1)
        sqs.send_message(QueueUrl=url, MessageBody=json.dumps(event))
        delivered = deliver_queue(aws, mailer, intrinsics, outcome, "reminder e-mail, throttled")
        for _ in range(40):  # the put-back message's delay (1 s for a first throttle) over, the mapping delivers it
            if any(m.get("MessageAttributes", {}).get("MailThrottles", {}).get("StringValue") == "1" for m in delivered):
                break
            time.sleep(0.25)
            delivered += deliver_queue(aws, mailer, intrinsics, outcome, "reminder e-mail, after the delay")
        again = [m for m in delivered if m.get("MessageAttributes", {}).get("MailThrottles", {}).get("StringValue") == "1"]
        outcome.check(mailer, "reminder e-mail (throttled, put back by the mailer)", {"delivered": len(delivered)}, 0,
                      "a new message, MailThrottles 1", len(again) == 1 and "MailRecipients" in again[0]["MessageAttributes"])
        mailed = len(mailbox(aws, address)) - before
        outcome.check(mailer, "reminder e-mail (throttled, then sent)", {"mailed": mailed}, 0, "mailed once more", mailed == 2)
    prepared = dict(run_every_route(functions, aws, intrinsics, bucket, project, document, creator, outcome), project=project, document=document)
    reconcile = functions.get("UploadReconcileFunction")
    if reconcile is None:
        return prepared
    # an upload whose S3 event never comes: the reconciliation settles it once its URL has expired
    body.pop("reminderDate")
    body.pop("reminderNote", None)
    result, millis = documents.invoke(with_path(declare, f"/projects/{project}/admin-documents", body))
    if not outcome.check(documents, "documents-declare.json (scenario, event lost)", result, millis, "status 201",
                         status_of(result) == 201):
        return prepared
    declared = json.loads(result["body"])
    lost = declared["document"]["id"]
    key = urllib.parse.unquote(urllib.parse.urlparse(declared["upload"]["url"]).path.split("/", 2)[2])
    aws.client("s3").put_object(Bucket=bucket, Key=key, Body=content, ContentType="text/plain")
    tick = load_event("reconcile-schedule.json")
    expired = datetime.datetime.fromisoformat(declared["upload"]["expiresAt"][:19] + "+00:00")  # whole seconds
    tick["time"] = utc_text(expired + datetime.timedelta(minutes=16))  # past the URL and the 15-minute grace
    report, millis = reconcile.invoke(tick)
    outcome.check(reconcile, "reconcile-schedule.json (scenario)", report, millis, "finalized >= 1",
                  isinstance(report, dict) and report.get("finalized", 0) >= 1)
    result, millis = documents.invoke(with_path(load_event("documents-read.json"), f"/projects/{project}/admin-documents/{lost}"))
    available = status_of(result) == 200 and json.loads(result["body"]).get("status") == "AVAILABLE"
    outcome.check(documents, "documents-read.json (scenario, reconciled)", result, millis, "status 200, AVAILABLE", available)
    # an upload that never comes: past its deadline the reconciliation finds no object (a HEAD of a missing key,
    # which S3 answers 404 only to who may list the bucket) and the version expires
    result, millis = documents.invoke(with_path(declare, f"/projects/{project}/admin-documents", body))
    if not outcome.check(documents, "documents-declare.json (scenario, never uploaded)", result, millis, "status 201",
                         status_of(result) == 201):
        return prepared
    declared = json.loads(result["body"])
    expired = datetime.datetime.fromisoformat(declared["upload"]["expiresAt"][:19] + "+00:00")
    tick["time"] = utc_text(expired + datetime.timedelta(minutes=16))
    report, millis = reconcile.invoke(tick)
    outcome.check(reconcile, "reconcile-schedule.json (scenario, never uploaded)", report, millis, "neverUploaded >= 1",
                  isinstance(report, dict) and report.get("neverUploaded", 0) >= 1)
    return prepared


def item_failures(result):
    """The items an SQS handler's answer names for delivery again; as Lambda reads it, {} and an empty list name none."""
    if not isinstance(result, dict) or "errorType" in result:
        return None
    return result.get("batchItemFailures") or []


def event_source(function, intrinsics):
    """A function's SQS event source mapping (SAM's, on its alias) and its queue's URL and ARN."""
    mapping = next(r["Properties"] for r in intrinsics.resources.values() if r["Type"] == "AWS::Lambda::EventSourceMapping"
                   and r["Properties"]["FunctionName"].get("Ref", "").startswith(function.id))  # its alias
    queue = mapping["EventSourceArn"]["Fn::GetAtt"][0]
    return mapping, f"{intrinsics.get_att(queue, 'QueueName')}", intrinsics.get_att(queue, "Arn")


def sqs_record(message, arn):
    """One message as Lambda's SQS event carries it, its message attributes included."""
    attributes = {name: {"stringValue": a.get("StringValue"), "stringListValues": [], "binaryListValues": [],
                         "dataType": a["DataType"]} for name, a in message.get("MessageAttributes", {}).items()}
    return {"messageId": message["MessageId"], "receiptHandle": message["ReceiptHandle"], "body": message["Body"],
            "attributes": message.get("Attributes", {}), "messageAttributes": attributes, "md5OfBody": message["MD5OfBody"],
            "eventSource": "aws:sqs", "eventSourceARN": arn, "awsRegion": REGION}


def deliver_queue(aws, function, intrinsics, outcome, label):
    """What a function's SQS event source mapping does: receives up to its BatchSize messages, hands them to the
    function as Lambda's SQS event, and deletes those the answer does not name in batchItemFailures. Returns the messages
    delivered (as SQS gave them)."""
    mapping, name, arn = event_source(function, intrinsics)
    sqs = aws.client("sqs")
    url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
    delivered = []
    while True:
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=mapping.get("BatchSize", 10),
                                       AttributeNames=["All"], MessageAttributeNames=["All"]).get("Messages", [])
        if not messages:
            break
        delivered += messages
        result, millis = function.invoke({"Records": [sqs_record(m, arn) for m in messages]})
        outcome.check(function, f"{label} ({len(messages)} messages, scenario)", result, millis, "batchItemFailures []",
                      item_failures(result) == [])
        failed = {f.get("itemIdentifier") for f in item_failures(result) or []}
        done = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages) if m["MessageId"] not in failed]
        if done:
            sqs.delete_message_batch(QueueUrl=url, Entries=done)
        if failed:
            break
    return delivered


def unreadable_message(function, intrinsics, outcome, label):
    """A message that cannot be read is named for delivery again, in the answer's own words (itemIdentifier)."""
    arn = event_source(function, intrinsics)[2]
    broken = {"Records": [{"messageId": "harness-broken-item", "receiptHandle": "x", "body": "{not json", "attributes": {},
                           "messageAttributes": {}, "eventSource": "aws:sqs", "eventSourceARN": arn, "awsRegion": REGION}]}
    result, millis = function.invoke(broken)
    outcome.check(function, f"{label} (an unreadable message)", result, millis, "batchItemFailures [that message]",
                  item_failures(result) == [{"itemIdentifier": "harness-broken-item"}])


def throttle(aws, sends):
    """The emulator refuses the next sends as SES does past the account's maximum send rate (scripts/emulator.py)."""
    request = urllib.request.Request(aws.endpoint + "/_emulator/ses/throttle", data=json.dumps({"next": sends}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request).read()


def mailbox(aws, address):
    """The e-mails the emulator's SES sent to an address (scripts/emulator.py keeps them)."""
    with urllib.request.urlopen(aws.endpoint + "/_emulator/ses/sent") as response:
        return [m for m in json.load(response)["items"] if any(address in to for to in m.get("to", []))]


def check_iam(aws, functions, intrinsics, args, outcome):
    """Every call the functions made, as recorded by the emulator, evaluated against each function's policies as
    written. Prints the denials and "iam: calls=N checked=N denied=M"; a denial, or a call that cannot be mapped or
    attributed to a function, is a failure of that function."""
    with urllib.request.urlopen(aws.endpoint + "/_emulator/calls") as response:
        calls = json.load(response)["items"]
    by_key = {f.credentials["AccessKeyId"]: f for f in functions.values()}
    modes = {"production": [False], "sandbox": [True], "both": [False, True]}[args.ses_mode]
    identities = sender_identities(intrinsics)
    mappers = [Mapper(ACCOUNT, REGION, identities, ses_sandbox=sandbox) for sandbox in modes]
    checks, origins, count = [], [], 0
    for call in calls:
        key = call.get("accessKey")
        if key in aws.harness_keys:
            continue
        function = by_key.get(key)
        if function is None:
            any_function = next(iter(functions.values()), None)
            if any_function is not None:
                outcome.failures.append((any_function, "(iam)", f"a call no function's credentials signed: {call['service']} "
                                                                f"{call['method']} {call['path']} (key {key})"))
            continue
        count += 1
        for mapper in mappers:
            try:
                for check in mapper.checks(call):
                    mode = "sandbox" if mapper.ses_sandbox and check["action"].startswith("ses:") else ""
                    checks.append(dict(check, fn=function.id))
                    origins.append((function, call, mode))
            except (Unmapped, KeyError, ValueError) as e:
                outcome.failures.append((function, "(iam)", f"a call the harness cannot map to what AWS authorizes: {e}"))
                break
    check_keys = [json.dumps(check, sort_keys=True) for check in checks]
    unique = dict(zip(check_keys, checks))
    principals = {f.id: f"arn:aws:sts::{ACCOUNT}:assumed-role/{f.id}Role/{f.id}" for f in functions.values()}
    request = {"account": ACCOUNT, "principals": principals, "policies": {f.id: f.policies for f in functions.values()},
               "checks": list(unique.values())}
    evaluated = subprocess.run(["node", os.path.join(os.path.dirname(__file__), "iam_check.cjs"), args.iam_simulate],
                               input=json.dumps(request), capture_output=True, text=True)
    if evaluated.returncode != 0:
        raise SystemExit(f"the IAM evaluator failed: {evaluated.stderr[-2000:]}")
    decisions = dict(zip(unique.keys(), json.loads(evaluated.stdout)))
    denied = {}
    for check_key, check, (function, call, mode) in zip(check_keys, checks, origins):
        decision = decisions[check_key]
        if decision["decision"] == "Allowed":
            continue
        context = f" {json.dumps(check['context'], ensure_ascii=False)}" if check["context"] else ""
        line = (f"{function.id} {check['action']} on {check['resource']}{context}"
                f"{' (SES sandbox)' if mode else ''}: {decision['decision']} {decision['detail']}".rstrip())
        if line not in denied:
            denied[line] = function
            log(f"  iam DENIED {line}")
    for line, function in denied.items():
        outcome.failures.append((function, "(iam)", "AWS would refuse: " + line))
    log(f"iam: calls={count} checked={count} denied={len(denied)} (evaluator: @cloud-copilot/iam-simulate, "
        f"{len(unique)} distinct checks; SES as {args.ses_mode})")


def http_event(sample, path, method=None, body=None, query=None):
    """A sample HTTP event sent to another path, method, body or query string."""
    e = with_path(load_event(sample), path, body)
    if method:
        e["requestContext"]["http"]["method"] = method
        if e.get("routeKey"):
            e["routeKey"] = f"{method} {e['routeKey'].split(' ', 1)[1]}"
    if query is not None:
        e["rawQueryString"] = query
        e["queryStringParameters"] = dict(urllib.parse.parse_qsl(query)) if query else None
    if body is None and method in ("GET", "DELETE"):
        e.pop("body", None)
    return e


def run_every_route(functions, aws, intrinsics, bucket, project, document, creator, outcome):
    """Every route family and event of every function on its success path, on the scenario's project and document,
    so that each AWS call a feature makes is made (and checked against the policies as written)."""
    def call(function_id, sample, path, expect, method=None, body=None, query=None, label=""):
        function = functions.get(function_id)
        if function is None:
            return None
        event = http_event(sample, path, method, body, query)
        event["requestContext"]["authorizer"] = creator  # the project's creator: its ADMIN, an organization admin
        result, millis = function.invoke(event)
        name = f"{sample} (every route{', ' + label if label else ''})"
        if outcome.check(function, name, result, millis, f"status {expect}", status_of(result) == expect):
            return json.loads(result["body"]) if result.get("body") else {}
        return None

    prepared = {}
    p = f"/projects/{project}"
    call("ProjectsFunction", "projects-list.json", "/projects", 200)
    call("ProjectsFunction", "projects-list-organization.json", "/projects", 200, query="scope=organization")
    call("ProjectsFunction", "projects-get-admin-info.json", p, 200, label="project")
    call("ProjectsFunction", "projects-get-admin-info.json", f"{p}/admin-info", 200)
    call("ProjectsFunction", "projects-history.json", f"{p}/admin-history", 200)
    call("ProjectsFunction", "projects-set-member.json", f"{p}/members/jean", 200)
    call("ProjectsFunction", "projects-members.json", f"{p}/members", 200)
    call("ProjectsFunction", "organization-read.json", "/organization", 200)
    # bid readiness: a template to apply and a requirement to remove, made by the samples' own bodies
    templates = call("ProjectsFunction", "organization-replace-requirement-templates.json", "/organization/requirement-templates",
                     200, label="prepared")
    if templates:
        prepared["template"] = templates["items"][0]["id"]
        applied = call("ProjectsFunction", "projects-requirements-apply.json", f"{p}/requirements/apply", 200,
                       body={"templateId": prepared["template"]}, label="prepared")
        if applied:
            prepared["requirement"] = applied["items"][0]["id"]  # a TEMPLATE one: the PUT sample keeps it
    call("ProjectsFunction", "projects-readiness.json", f"{p}/readiness", 200)
    # a requirement at risk (a bid bond needed in 5 days, none held): the write keeps the project's readiness summary, the
    # organization's list shows it, the tick queues the project (its summary due) and the worker warns of it (in-app,
    # RequirementAtRisk on the bus), each under its own role
    zone = ZoneInfo("America/Toronto")
    today = datetime.datetime.now(zone).date()
    call("ProjectsFunction", "projects-requirements-replace.json", f"{p}/requirements", 200, method="PUT",
         body={"items": [{"kind": "BID_BOND", "neededBy": "DATE", "date": str(today + datetime.timedelta(days=5))}]}, label="at risk")
    listed = call("ProjectsFunction", "readiness-list.json", "/readiness", 200, query="withinDays=30", label="at risk")
    ticker, worker = functions.get("ReminderFunction"), functions.get("ReminderWorkerFunction")
    if listed is not None and ticker is not None and worker is not None:
        outcome.check(functions["ProjectsFunction"], "readiness-list.json (every route, at risk, listed)", {"items": len(listed["items"])}, 0,
                      "the project listed", any(i["projectId"] == project for i in listed["items"]))
        tick = load_event("reminder-schedule.json")
        morning = datetime.datetime.combine(today, datetime.time(7, 5), zone).astimezone(datetime.timezone.utc)
        tick["time"] = utc_text(max(morning, datetime.datetime.now(datetime.timezone.utc)))  # the summary is due at 07:00
        report, millis = ticker.invoke(tick)
        outcome.check(ticker, "reminder-schedule.json (every route, requirement at risk)", report, millis,
                      "readinessDue >= 1, readinessWorkItems >= 1", isinstance(report, dict) and report.get("readinessDue", 0) >= 1
                      and report.get("readinessWorkItems", 0) >= 1 and report.get("unsent") == 0)
        deliver_queue(aws, worker, intrinsics, outcome, "readiness work")
        mine = http_event("notifications-list.json", "/notifications", query="limit=100")
        mine["requestContext"]["authorizer"] = creator
        result, millis = functions["NotificationsFunction"].invoke(mine)
        items = json.loads(result["body"]).get("items", []) if status_of(result) == 200 else []
        outcome.check(functions["NotificationsFunction"], "notifications-list.json (every route, requirement at risk)", result, millis,
                      "a REQUIREMENT_AT_RISK notification", any(i.get("type") == "REQUIREMENT_AT_RISK" and i.get("projectId") == project
                                                                for i in items))
    feed = call("NotificationsFunction", "me-calendar.json", "/me/calendar", 200, label="prepared")
    if feed:
        prepared["calendar"] = feed["url"].rsplit("/", 1)[1][: -len(".ics")]

    person = call("ContactsFunction", "contacts-add-person.json", "/directory/people", 201, label="client contact")
    if person:
        prepared["person"] = person["id"]
        people = f"/directory/people/{person['id']}"
        call("ContactsFunction", "contacts-read-person.json", people, 200)
        call("ContactsFunction", "contacts-read-person.json", people, 200, method="PATCH",
             body={"phone": "450 555-0199"}, label="edit")
        call("ContactsFunction", "contacts-set-licence.json", f"{people}/licence", 200)
        call("ContactsFunction", "contacts-person-history.json", f"{people}/history", 200)
        call("ContactsFunction", "contacts-search-directory.json", "/directory/people", 200, query="query=cote")
        call("ContactsFunction", "contacts-set-client-contact.json", f"{p}/client-contacts/execution", 200,
             body={"personId": person["id"]}, label="execution")
        call("ContactsFunction", "contacts-set-client-contact.json", f"{p}/client-contacts/execution", 204,
             method="DELETE", label="clear")
        call("ContactsFunction", "contacts-set-client-contact.json", f"{p}/client-contacts/billing", 200,
             body={"personId": person["id"]})
        call("ContactsFunction", "contacts-read-client-contacts.json", f"{p}/client-contacts", 200)

    d = f"{p}/admin-documents/{document}"
    call("DocumentsFunction", "documents-list-unknown-project.json", f"{p}/admin-documents", 200, label="as the creator")
    call("DocumentsFunction", "documents-read.json", d, 200)
    versions = call("DocumentsFunction", "documents-list-versions.json", f"{d}/versions", 200)
    call("DocumentsFunction", "documents-download.json", f"{d}/download", 200)
    available = [v["id"] for v in (versions or {}).get("items", []) if v.get("status") == "AVAILABLE"]
    if available:
        prepared["version"] = available[0]
        call("DocumentsFunction", "documents-download-version.json", f"{d}/versions/{available[0]}/download", 200)
    call("DocumentsFunction", "documents-expiring.json", "/admin-documents/expiring", 200, query="withinDays=366")
    call("DocumentsFunction", "documents-edit.json", d, 200, body={"alsoNotifyContacts": ["billing"]})

    notifications = call("NotificationsFunction", "notifications-list.json", "/notifications", 200, label="the creator's")
    items = (notifications or {}).get("items", [])
    if items:
        prepared["notification"] = items[0]["id"]
        call("NotificationsFunction", "notifications-mark-read.json", f"/notifications/{urllib.parse.quote(items[0]['id'])}/read", 204)
    call("NotificationsFunction", "notifications-read-all.json", "/notifications/read-all", 200)

    mailer = functions.get("MailerFunction")
    if mailer is not None and person:
        # the billing contact (a person of the directory with an address) gets the contact's message, through the queue
        due = json.loads(load_event("mail-queue.json")["Records"][0]["body"])
        due["detail"].update({"organizationId": creator["jwt"]["claims"]["org"], "projectId": project, "documentId": document,
                              "recipients": [], "contactRoles": ["BILLING"],
                              "idempotencyKey": f"reminder/harness/{project}/{document}/{uuid.uuid4()}"})
        address = json.loads(load_event("contacts-add-person.json")["body"])["email"]
        before = len(mailbox(aws, address))
        sqs = aws.client("sqs")
        sqs.send_message(QueueUrl=sqs.get_queue_url(QueueName=event_source(mailer, intrinsics)[1])["QueueUrl"],
                         MessageBody=json.dumps(due))
        deliver_queue(aws, mailer, intrinsics, outcome, "reminder e-mail (every route, client contact)")
        mailed = len(mailbox(aws, address)) - before
        outcome.check(mailer, "reminder e-mail (every route, client contact)", {"mailed": mailed}, 0, "the contact mailed once",
                      mailed == 1)

    # a second document (so the scenario's stays): its running reminder resolved, then the document deleted with
    # its objects (DeleteObjects)
    body = json.loads(load_event("documents-declare.json")["body"])
    body["reminderDate"] = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    created = call("DocumentsFunction", "documents-declare.json", f"{p}/admin-documents", 201, body=body, label="to delete")
    if created:
        doomed = f"{p}/admin-documents/{created['document']['id']}"
        call("DocumentsFunction", "documents-resolve-reminder.json", f"{doomed}/reminder/resolve", 200)
        call("DocumentsFunction", "documents-delete.json", doomed, 204)
    return prepared


def utc_text(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--moto-port", type=int, required=True)
    parser.add_argument("--rie", required=True)
    parser.add_argument("--runtime-lib", required=True)
    parser.add_argument("--only", nargs="*", default=None, help="function ids to run (default: every function)")
    parser.add_argument("--drop-action", default=None, help="remove one IAM action from every role (shows the harness failing)")
    parser.add_argument("--drop-resource", default=None, metavar="FunctionId=text",
                        help="remove every resource containing text from one function's policies (shows the IAM check failing)")
    parser.add_argument("--ses-mode", choices=["production", "sandbox", "both"], default="both",
                        help="how SES sends are authorized: sender identity only (production), also each recipient (sandbox)")
    parser.add_argument("--iam-simulate", required=True, help="the node_modules folder holding @cloud-copilot/iam-simulate")
    parser.add_argument("--artifacts-root", default=ROOT,
                        help="a checkout whose built Lambda jars to run (default: this one), e.g. an older commit")
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)

    cfn, parameters = translated_template()
    resources = cfn["Resources"]
    names = {"Table": f"{STACK}-table-{uuid.uuid4().hex[:8]}"}
    intrinsics = Intrinsics(resources, parameters, names)
    for logical, resource in resources.items():
        named = {"AWS::S3::Bucket": "BucketName", "AWS::Events::EventBus": "Name"}.get(resource["Type"])
        if named and named in resource["Properties"]:
            names[logical] = intrinsics.resolve(resource["Properties"][named])
        if resource["Type"] == "AWS::SQS::Queue":  # CloudFormation names a queue after the stack and its logical id
            names[logical] = f"{STACK}-{logical}"
    modules = function_modules()
    function_ids = [k for k, v in resources.items() if v["Type"] == "AWS::Lambda::Function"
                    and (args.only is None or k in args.only)]

    drop_resource = tuple(args.drop_resource.split("=", 1)) if args.drop_resource else None
    aws = Aws(args.moto_port)
    create_resources(aws, cfn, intrinsics)
    credentials = CredentialsEndpoint()
    functions = {}
    for function_id in function_ids:
        properties = resources[function_id]["Properties"]
        env = {k: str(intrinsics.resolve(v)) for k, v in properties.get("Environment", {}).get("Variables", {}).items()}
        functions[function_id] = Function(function_id, properties, modules[function_id], env, args)
        functions[function_id].credentials = role_credentials(aws, function_id, cfn, intrinsics, args.drop_action)
        functions[function_id].policies = role_policies(cfn, function_id, intrinsics, drop_resource)
        role = resources[resources[function_id]["Properties"]["Role"]["Fn::GetAtt"][0]]["Properties"]
        functions[function_id].calls_aws = bool(role.get("Policies"))  # a role with no policy: nothing to ask for
    aws.enable_iam()
    log(f"IAM checking on; {len(functions)} functions, each with its own role; runtime: RIE + RIC 2.10.1, "
        f"SnapStart environment, JDK {subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.split(chr(10))[0]}")

    with open(os.path.join(ROOT, "events", "expected.json"), encoding="utf-8") as f:
        everything = json.load(f)
    expected = {k: v for k, v in everything.items() if not k.startswith("_")}
    meta = {k: v for k, v in everything.items() if k.startswith("_")}
    outcome = Outcome()
    try:
        for function in functions.values():
            uri, token = credentials.register(function.id, function.credentials)
            function.start(uri, token)
        for function_id in function_ids:
            if not any(spec["function"] == function_id for spec in expected.values()):
                outcome.failures.append((functions[function_id], "-", "no sample event in events/ for this function"))
        zone = "America/Toronto"
        # the scenario first: it prepares what the samples name, which then run on it (events/expected.json's _ids)
        prepared = run_scenario(functions, aws, intrinsics, names["DocumentsBucket"], zone, outcome) or {}
        run_samples(functions, expected, meta, prepared, outcome)
    finally:
        for function in functions.values():
            function.stop()
    check_iam(aws, functions, intrinsics, args, outcome)
    for function in functions.values():
        if function.calls_aws and function.id not in credentials.requests:
            outcome.failures.append((function, "-", "never asked the container-credentials endpoint for credentials"))
        if function.shim.restores != 1:
            outcome.failures.append((function, "-", f"the SnapStart hooks ran {function.shim.restores} times, not once"))
        for line in function.log_problems():
            outcome.failures.append((function, "(log)", line))
        for line in function.non_json_lines()[:5]:
            outcome.failures.append((function, "(log)", "not a JSON log line: " + line[:300]))

    failed_functions = {f.id for f, _, _ in outcome.failures}
    for function, event_name, message in outcome.failures:
        log(f"\nFAILED {function.id} with {event_name}: {message}\n  runtime log ({function.log_path}):\n{function.log_errors()}")
    log(f"lambda: functions={len(functions)} passed={len(functions) - len(failed_functions)} failed={len(failed_functions)}")
    return 1 if outcome.failures else 0


if __name__ == "__main__":
    sys.exit(main())
