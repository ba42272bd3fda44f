"""The mapping of recorded requests to what AWS authorizes (iam_calls.py), one rule per test.
Run by scripts/test-lambda before the harness: python -m unittest discover -s scripts/harness -p 'test_*.py'"""
import base64
import json
import unittest

from iam_calls import Mapper, Unmapped

ACCOUNT, REGION = "123456789012", "us-east-1"
TABLE = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/t"


def dynamodb(operation, body):
    return {"service": "dynamodb", "method": "POST", "path": "/", "query": "",
            "headers": {"x-amz-target": f"DynamoDB_20120810.{operation}"}, "body": json.dumps(body), "status": 200}


def s3(method, path, query="", status=200, body=None, headers=None):
    return {"service": "s3", "method": method, "path": path, "query": query, "headers": headers or {}, "body": body,
            "status": status}


def actions(checks):
    return [(c["action"], c["resource"], c["context"]) for c in checks]


class DynamoDbTest(unittest.TestCase):
    mapper = Mapper(ACCOUNT, REGION)

    def test_a_query_of_an_index_is_authorized_on_the_index(self):
        self.assertEqual([("dynamodb:Query", TABLE + "/index/Lookup", {})],
                         actions(self.mapper.checks(dynamodb("Query", {"TableName": "t", "IndexName": "Lookup"}))))
        self.assertEqual([("dynamodb:Query", TABLE, {})], actions(self.mapper.checks(dynamodb("Query", {"TableName": "t"}))))

    def test_a_transaction_is_authorized_item_by_item_with_each_items_action(self):
        body = {"TransactItems": [{"Put": {"TableName": "t"}}, {"Update": {"TableName": "t"}},
                                  {"ConditionCheck": {"TableName": "t"}}, {"Delete": {"TableName": "u"}}]}
        self.assertEqual(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem"],
                         [c["action"] for c in self.mapper.checks(dynamodb("TransactWriteItems", body))])
        self.assertEqual(f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/u", self.mapper.checks(dynamodb("TransactWriteItems", body))[3]["resource"])

    def test_a_batch_is_authorized_on_every_table_it_names(self):
        checks = self.mapper.checks(dynamodb("BatchGetItem", {"RequestItems": {"t": {}, "u": {}}}))
        self.assertEqual({TABLE, f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/u"}, {c["resource"] for c in checks})

    def test_an_operation_it_does_not_know_is_not_guessed(self):
        with self.assertRaises(Unmapped):
            self.mapper.checks(dynamodb("ExecuteStatement", {"Statement": "SELECT * FROM t"}))


class S3Test(unittest.TestCase):
    mapper = Mapper(ACCOUNT, REGION)

    def test_a_head_of_a_missing_key_also_needs_list_bucket_with_the_key_as_prefix(self):
        self.assertEqual([("s3:GetObject", "arn:aws:s3:::b/documents/k", {}),
                          ("s3:ListBucket", "arn:aws:s3:::b", {"s3:prefix": "documents/k"})],
                         actions(self.mapper.checks(s3("HEAD", "/b/documents/k", status=404))))
        self.assertEqual([("s3:GetObject", "arn:aws:s3:::b/documents/k", {})],
                         actions(self.mapper.checks(s3("HEAD", "/b/documents/k"))))

    def test_a_version_id_makes_it_the_version_action(self):
        self.assertEqual("s3:GetObjectVersion", self.mapper.checks(s3("GET", "/b/k", "versionId=3"))[0]["action"])
        self.assertEqual("s3:DeleteObjectVersion", self.mapper.checks(s3("DELETE", "/b/k", "versionId=3"))[0]["action"])
        self.assertEqual("s3:DeleteObject", self.mapper.checks(s3("DELETE", "/b/k"))[0]["action"])

    def test_delete_objects_is_authorized_key_by_key(self):
        body = ('<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>documents/a</Key></Object>'
                '<Object><Key>documents/b</Key><VersionId>v</VersionId></Object><Quiet>true</Quiet></Delete>')
        self.assertEqual([("s3:DeleteObject", "arn:aws:s3:::b/documents/a", {}),
                          ("s3:DeleteObjectVersion", "arn:aws:s3:::b/documents/b", {})],
                         actions(self.mapper.checks(s3("POST", "/b", "delete", body=body))))

    def test_a_listing_is_authorized_on_the_bucket_with_its_prefix(self):
        self.assertEqual([("s3:ListBucket", "arn:aws:s3:::b", {"s3:prefix": "documents/"})],
                         actions(self.mapper.checks(s3("GET", "/b", "list-type=2&prefix=documents/"))))
        self.assertEqual("s3:ListBucketVersions", self.mapper.checks(s3("GET", "/b", "versions&prefix=x"))[0]["action"])

    def test_an_objects_sub_resource_is_not_guessed(self):
        with self.assertRaises(Unmapped):
            self.mapper.checks(s3("PUT", "/b/k", "tagging"))


class SesTest(unittest.TestCase):
    def send(self, sandbox, sender="Rappels <rappels@example.com>", to=("a@client.ca",)):
        call = {"service": "ses", "method": "POST", "path": "/v2/email/outbound-emails", "query": "", "headers": {},
                "body": json.dumps({"FromEmailAddress": sender, "Destination": {"ToAddresses": list(to)},
                                    "Content": {"Raw": {"Data": base64.b64encode(b"Subject: x\r\n\r\nx").decode()}}}),
                "status": 200}
        return Mapper(ACCOUNT, REGION, ["example.com"], ses_sandbox=sandbox).checks(call)

    def test_production_authorizes_the_senders_identity_with_the_from_address(self):
        checks = self.send(False)
        self.assertEqual([f"arn:aws:ses:{REGION}:{ACCOUNT}:identity/example.com"], [c["resource"] for c in checks])
        self.assertEqual("rappels@example.com", checks[0]["context"]["ses:FromAddress"])
        self.assertEqual("ses:SendEmail", checks[0]["action"])

    def test_the_sandbox_authorizes_each_recipients_identity_too(self):
        checks = self.send(True, to=("a@client.ca", "b@other.ca"))
        self.assertEqual([f"arn:aws:ses:{REGION}:{ACCOUNT}:identity/{i}" for i in ("example.com", "a@client.ca", "b@other.ca")],
                         [c["resource"] for c in checks])

    def test_get_account_is_authorized_on_no_resource(self):
        call = {"service": "ses", "method": "GET", "path": "/v2/email/account", "query": "", "headers": {}, "body": "", "status": 404}
        self.assertEqual([("ses:GetAccount", "*", {})], actions(Mapper(ACCOUNT, REGION).checks(call)))


class OtherServicesTest(unittest.TestCase):
    mapper = Mapper(ACCOUNT, REGION)

    def test_put_events_is_authorized_on_each_bus(self):
        call = {"service": "events", "method": "POST", "path": "/", "query": "", "status": 200,
                "headers": {"x-amz-target": "AWSEvents.PutEvents"},
                "body": json.dumps({"Entries": [{"EventBusName": "bus"}, {"EventBusName": "bus"}, {}]})}
        self.assertEqual([f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/bus", f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/default"],
                         [c["resource"] for c in self.mapper.checks(call)])

    def test_sqs_is_authorized_on_the_queue_of_its_url(self):
        call = {"service": "sqs", "method": "POST", "path": "/", "query": "", "status": 200,
                "headers": {"x-amz-target": "AmazonSQS.SendMessageBatch"},
                "body": json.dumps({"QueueUrl": f"http://127.0.0.1:5056/{ACCOUNT}/work"})}
        self.assertEqual([("sqs:SendMessage", f"arn:aws:sqs:{REGION}:{ACCOUNT}:work", {})], actions(self.mapper.checks(call)))

    def test_a_service_it_does_not_know_fails(self):
        with self.assertRaises(Unmapped):
            self.mapper.checks({"service": "kms", "method": "POST", "path": "/", "headers": {}})


if __name__ == "__main__":
    unittest.main()
