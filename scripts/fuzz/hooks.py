"""Schemathesis hooks of scripts/fuzz-api: the check `documented_refusals` holds each exception of openapi.yaml's
x-fuzz-exceptions to its one case. A refusal whose status an operation lists as an exception must carry one of the
problem codes listed with it, for a schema-valid request (any other refusal of one is failed by schemathesis'
positive_data_acceptance, configured per operation by config.py) (the problem's `code`, or for a 400 each invalid field's `code`); anything else
refused with that status is a failure, as the built-in check would have reported it.
FUZZ_EXCEPTIONS names the JSON file scripts/fuzz/config.py wrote."""
import json
import os

import schemathesis

EXCEPTIONS = json.load(open(os.environ["FUZZ_EXCEPTIONS"], encoding="utf-8"))


@schemathesis.check
def documented_refusals(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None  # invalid requests are refused for their own reasons
    listed = EXCEPTIONS.get(case.operation.definition.raw.get("operationId"), {}).get(str(response.status_code))
    if listed is None:
        return None
    try:
        problem = response.json()
    except ValueError:
        raise AssertionError(f"{response.status_code} without a problem+json body")
    codes = {problem.get("code")}
    if response.status_code == 400:
        codes = {e.get("code") for e in problem.get("errors", [])} or codes
    if not codes <= set(listed):
        raise AssertionError(f"refused with {response.status_code} {sorted(c for c in codes if c)}; "
                             f"openapi.yaml excuses only {listed} for this status")
    return None
