"""The emulator's strictness where DynamoDB is stricter than moto (scripts/emulator.py): a query's start key must lie
inside its key condition; and its latency model for benchmarks. Run by scripts/test-lambda with the other test_*.py."""
import os
import json
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from emulator import Latency, WithMailbox, fast_sqs_clock, start_key_outside  # noqa: E402


def S(text):
    return {"S": text}


def query(condition, values, start, names=None):
    return {"KeyConditionExpression": condition, "ExpressionAttributeValues": values,
            "ExpressionAttributeNames": names or {}, "ExclusiveStartKey": start}


class StartKeyTest(unittest.TestCase):
    def test_between_is_inclusive_and_a_key_past_it_or_in_another_partition_is_outside(self):
        between = ("pk = :pk AND sk BETWEEN :from AND :to", {":pk": S("P"), ":from": S("H#"), ":to": S("H#\uffff")})
        self.assertFalse(start_key_outside(query(*between, {"pk": S("P"), "sk": S("H#1")})))
        self.assertFalse(start_key_outside(query(*between, {"pk": S("P"), "sk": S("H#\uffff")})))
        self.assertTrue(start_key_outside(query(*between, {"pk": S("P"), "sk": S("H#\uffff\uffff")})))
        self.assertTrue(start_key_outside(query(*between, {"pk": S("P"), "sk": S("H#\U0001F600")})), "UTF-8 order")
        self.assertTrue(start_key_outside(query(*between, {"pk": S("Q"), "sk": S("H#1")})))

    def test_comparisons_begins_with_names_and_parentheses(self):
        below = ("(#pk = :o) AND #sk < :before", {":o": S("O"), ":before": S("2026-12-31")}, )
        names = {"#pk": "lpk", "#sk": "lsk"}
        self.assertFalse(start_key_outside(query(*below, {"pk": S("x"), "lpk": S("O"), "lsk": S("2026-01-01#a")}, names)))
        self.assertTrue(start_key_outside(query(*below, {"lpk": S("O"), "lsk": S("2026-12-31")}, names)))
        begins = ("pk = :pk AND begins_with(sk, :p)", {":pk": S("P"), ":p": S("N#")})
        self.assertFalse(start_key_outside(query(*begins, {"pk": S("P"), "sk": S("N#1")})))
        self.assertTrue(start_key_outside(query(*begins, {"pk": S("P"), "sk": S("M#1")})))
        numbers = ("pk = :pk AND n >= :n", {":pk": S("P"), ":n": {"N": "10"}})
        self.assertTrue(start_key_outside(query(*numbers, {"pk": S("P"), "n": {"N": "9"}})), "numbers compare as numbers")
        self.assertFalse(start_key_outside(query(*numbers, {"pk": S("P"), "n": {"N": "100"}})))

    def test_a_partition_only_query_a_first_page_or_an_unreadable_condition_passes(self):
        self.assertFalse(start_key_outside(query("gsi1pk = :u", {":u": S("U")}, {"gsi1pk": S("U"), "pk": S("x")})))
        self.assertFalse(start_key_outside({"KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("P")}}))
        self.assertFalse(start_key_outside(query("pk = :p OR sk = :q", {":p": S("P"), ":q": S("Q")}, {"pk": S("Z")})))


class LatencyTest(unittest.TestCase):
    def test_requests_wait_their_latency_together_but_run_one_at_a_time_and_the_lock_time_is_reported(self):
        inside = []
        overlaps = []

        def app(environ, start_response):
            inside.append(1)
            overlaps.append(len(inside))
            time.sleep(0.01)  # the moto call
            inside.pop()
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]

        latency = Latency(app, 100)
        answers = []

        def call():
            statuses = []
            body = latency({"PATH_INFO": "/"}, lambda status, headers: statuses.append(status))
            answers.append((statuses[0], b"".join(body)))

        began = time.monotonic()
        threads = [threading.Thread(target=call) for _ in range(8)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        elapsed = time.monotonic() - began
        self.assertEqual([("200 OK", b"ok")] * 8, answers)
        self.assertEqual({1}, set(overlaps), "moto is called by one request at a time")
        self.assertLess(elapsed, 0.45, "the 8 latencies overlap: not 8 x 110 ms in a row")
        self.assertGreaterEqual(elapsed, 0.1 + 0.08 * 0.9)
        report = []
        body = latency({"PATH_INFO": "/_emulator/busy"}, lambda status, headers: report.append(status))
        busy = json.loads(b"".join(body))
        self.assertEqual(8, busy["requests"])
        self.assertGreaterEqual(busy["busyMs"], 8 * 10 * 0.9)
        self.assertLess(busy["busyMs"], busy["sinceMs"])


class SesThrottleTest(unittest.TestCase):
    def call(self, app, method, path, body=b""):
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, dict(headers)

        import io
        chunks = app({"REQUEST_METHOD": method, "PATH_INFO": path, "CONTENT_LENGTH": str(len(body)),
                      "wsgi.input": io.BytesIO(body)}, start_response)
        return answer["status"], answer["headers"], b"".join(chunks)

    def test_the_next_sends_are_refused_as_ses_refuses_past_the_rate_then_moto_answers(self):
        moto = lambda environ, start_response: (start_response("200 OK", []), [b"{}"])[1]  # noqa: E731
        app = WithMailbox(moto)
        self.assertTrue(self.call(app, "POST", "/_emulator/ses/throttle", b'{"next": 2}')[0].startswith("200"))
        for _ in range(2):
            status, headers, body = self.call(app, "POST", "/v2/email/outbound-emails", b"{}")
            self.assertEqual("400 Bad Request", status)
            self.assertEqual("ThrottlingException", headers["x-amzn-ErrorType"])
            self.assertEqual("Maximum sending rate exceeded.", json.loads(body)["message"])
        self.assertEqual("200 OK", self.call(app, "POST", "/v2/email/outbound-emails", b"{}")[0])
        self.assertEqual("200 OK", self.call(app, "GET", "/v2/email/account")[0], "only sends are refused")


class FastSqsClockTest(unittest.TestCase):
    def test_the_same_clock_as_moto_s_only_cheaper(self):
        import moto.sqs.models as sqs_models
        from moto.core.utils import unix_time, unix_time_millis
        fast_sqs_clock()
        self.assertAlmostEqual(unix_time(), sqs_models.unix_time(), delta=0.5)
        self.assertAlmostEqual(unix_time_millis(), sqs_models.unix_time_millis(), delta=500)
        import datetime
        moment = datetime.datetime(2026, 12, 3, 7, 0, 0)
        self.assertEqual(unix_time(moment), sqs_models.unix_time(moment), "a given moment: moto's own arithmetic")


if __name__ == "__main__":
    unittest.main()
