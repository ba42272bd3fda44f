"""The emulator's strictness where DynamoDB is stricter than moto (scripts/emulator.py): a query's start key must lie
inside its key condition. Run by scripts/test-lambda with the other test_*.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from emulator import start_key_outside  # noqa: E402


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


if __name__ == "__main__":
    unittest.main()
