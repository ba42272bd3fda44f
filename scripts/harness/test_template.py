"""template.yaml as CloudFormation receives it (SAM-translated, scripts/harness/lambda_harness.py): what makes a
first deploy work and tell someone when it does not. Run by scripts/test-lambda with test_iam_calls.py."""
import copy
import unittest

from lambda_harness import PROD_PARAMETERS, translated_template

CFN, PARAMETERS = translated_template()
RESOURCES = CFN["Resources"]
TOPIC = [{"Fn::If": ["CreateAlarmTopic", {"Ref": "AlarmTopic"}, {"Ref": "AlarmTopicArn"}]}]


def of_type(kind):
    return {k: v for k, v in RESOURCES.items() if v["Type"] == kind}


def evaluate(expression, values):
    """The rule functions template.yaml's Rules use, as CloudFormation evaluates them on parameter values."""
    if isinstance(expression, dict):
        (function, argument), = expression.items()
        if function == "Ref":
            return values[argument]
        if function == "Fn::Equals":
            return evaluate(argument[0], values) == evaluate(argument[1], values)
        if function == "Fn::Not":
            return not evaluate(argument[0], values)
        if function == "Fn::Or":
            return any(evaluate(a, values) for a in argument)
        if function == "Fn::And":
            return all(evaluate(a, values) for a in argument)
        if function == "Fn::Contains":
            listed = evaluate(argument[0], values)
            listed = listed.split(",") if isinstance(listed, str) else listed
            return evaluate(argument[1], values) in listed
        raise AssertionError(f"a rule function this test does not know: {function}")
    return expression


def failed_assertions(values):
    failed = []
    for name, rule in CFN.get("Rules", {}).items():
        if "RuleCondition" in rule and not evaluate(rule["RuleCondition"], values):
            continue
        failed += [a["AssertDescription"] for a in rule["Assertions"] if not evaluate(a["Assert"], values)]
    return failed


class AlarmsReachSomeoneTest(unittest.TestCase):
    def test_every_alarm_notifies_the_alarm_topic_when_it_fires_and_when_it_clears(self):
        alarms = of_type("AWS::CloudWatch::Alarm")
        self.assertGreaterEqual(len(alarms), 30)
        for name, alarm in alarms.items():
            self.assertEqual(TOPIC, alarm["Properties"].get("AlarmActions"), name)
            self.assertEqual(TOPIC, alarm["Properties"].get("OKActions"), name)

    def test_the_stack_has_its_own_topic_with_the_alarm_email_subscribed_unless_one_is_given(self):
        self.assertEqual("CreateAlarmTopic", RESOURCES["AlarmTopic"].get("Condition"))
        self.assertEqual({"Fn::Equals": [{"Ref": "AlarmTopicArn"}, ""]}, CFN["Conditions"]["CreateAlarmTopic"])
        subscription = of_type("AWS::SNS::Subscription")
        self.assertEqual(1, len(subscription))
        (properties,) = [s["Properties"] for s in subscription.values()]
        self.assertEqual(({"Ref": "AlarmTopic"}, "email", {"Ref": "AlarmEmail"}),
                         (properties["TopicArn"], properties["Protocol"], properties["Endpoint"]))


class ProdParametersTest(unittest.TestCase):
    def defaults(self, **changes):
        values = {name: p.get("Default") for name, p in CFN["Parameters"].items()}
        values.update(changes)
        return values

    def test_a_prod_stack_with_the_dev_defaults_is_refused_before_anything_is_created(self):
        failed = failed_assertions(self.defaults(Stage="prod"))
        for parameter in ("MailFromAddress", "FrontendOrigin", "FrontendBaseUrl", "CallbackUrls", "AlarmEmail"):
            self.assertTrue(any(parameter in f for f in failed), f"{parameter} in {failed}")

    def test_the_dev_defaults_deploy_a_dev_stack_and_the_harness_prod_values_a_prod_one(self):
        self.assertEqual([], failed_assertions(self.defaults()))
        self.assertEqual([], failed_assertions(self.defaults(**PROD_PARAMETERS)))
        self.assertEqual([], failed_assertions(self.defaults(**dict(PROD_PARAMETERS, AlarmEmail="", AlarmTopicArn="arn:aws:sns:x"))))

    def test_the_dev_defaults_agree_with_each_other(self):
        values = self.defaults()
        origin = values["FrontendOrigin"]
        for callback in values["CallbackUrls"].split(","):
            self.assertTrue(callback.startswith(origin + "/"), f"{callback} is not on {origin}: CORS would block that frontend")
        self.assertTrue(values["FrontendBaseUrl"].startswith(origin))
        self.assertEqual("", values["MailFromAddress"], "no example.com sender that deploys and then fails at SES")


class FirstCreateTest(unittest.TestCase):
    def test_nothing_a_failed_first_create_leaves_behind_blocks_the_retry(self):
        for name, resource in RESOURCES.items():
            policy = resource.get("DeletionPolicy")
            if policy == "Retain":  # only what has a generated name: the table, and the versions SAM publishes
                self.assertIn(resource["Type"], ("AWS::DynamoDB::Table", "AWS::Lambda::Version"), f"{name}: RetainExceptOnCreate, not Retain")
                self.assertNotIn("TableName", resource["Properties"], f"{name}: a retained name blocks a retry")
        for name in ("DocumentsBucket", "AccessLogsBucket", "UserPool"):
            self.assertEqual("RetainExceptOnCreate", RESOURCES[name].get("DeletionPolicy"), name)

    def test_every_function_writes_to_its_own_log_group_which_exists_before_it(self):
        functions = of_type("AWS::Lambda::Function")
        groups = set()
        for name, function in functions.items():
            reference = function["Properties"].get("LoggingConfig", {}).get("LogGroup")
            self.assertIsInstance(reference, dict, f"{name}: LoggingConfig.LogGroup")
            group = RESOURCES[reference["Ref"]]
            self.assertEqual("AWS::Logs::LogGroup", group["Type"])
            self.assertNotIn(f"${{{name}}}", str(group["Properties"]["LogGroupName"]), "named after the function: races Lambda")
            self.assertEqual("Text", function["Properties"]["LoggingConfig"]["LogFormat"], "Globals' log format kept")
            groups.add(reference["Ref"])
        self.assertEqual(len(functions), len(groups))

    def test_the_api_access_logs_go_under_vendedlogs(self):
        (stage,) = of_type("AWS::ApiGatewayV2::Stage").values()
        destination = stage["Properties"]["AccessLogSettings"]["DestinationArn"]["Fn::GetAtt"][0]
        self.assertTrue(RESOURCES[destination]["Properties"]["LogGroupName"]["Fn::Sub"].startswith("/aws/vendedlogs/"))


if __name__ == "__main__":
    unittest.main()
