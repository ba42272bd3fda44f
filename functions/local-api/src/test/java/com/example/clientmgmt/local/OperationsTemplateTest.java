package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.Template;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps failures from going unseen, in template.yaml: every function has a log group with retention and
 * alarms on its errors and throttles (a function added later without them fails this test); asynchronous
 * functions hand failed events to a queue; the bus is archived; the API logs every request.
 */
class OperationsTemplateTest {
    static final Template TEMPLATE = Template.load(ContractTest.ROOT.resolve("template.yaml"));

    static Set<String> functions() {
        Set<String> out = new TreeSet<>();
        TEMPLATE.resources().forEach((id, r) -> {
            if ("AWS::Serverless::Function".equals(Template.map(r).get("Type"))) {
                out.add(id);
            }
        });
        return out;
    }

    /** The functions each alarm of {@code metric} watches (its FunctionName dimension is !Ref of one). */
    static Set<String> watched(String metric) {
        Set<String> out = new HashSet<>();
        TEMPLATE.resources().values().stream().map(Template::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                .map(r -> Template.map(r.get("Properties")))
                .filter(p -> metric.equals(p.get("MetricName")) && "AWS/Lambda".equals(p.get("Namespace")))
                .forEach(p -> Template.list(p.get("Dimensions")).stream().map(Template::map)
                        .filter(d -> "FunctionName".equals(d.get("Name")))
                        .forEach(d -> out.add((String) Template.map(d.get("Value")).get("Ref"))));
        return out;
    }

    @Test
    void everyFunctionHasItsLogGroupAndAlarmsOnErrorsAndThrottles() {
        Set<String> logged = new HashSet<>();
        for (String function : functions()) {
            Object logGroup = Template.map(Template.properties(TEMPLATE.resources().get(function)).get("LoggingConfig")).get("LogGroup");
            assertTrue(logGroup instanceof Map<?, ?>, function + ": LoggingConfig.LogGroup names its own log group");
            String id = (String) Template.map(logGroup).get("Ref");
            Map<String, Object> group = Template.map(TEMPLATE.resources().get(id));
            assertEquals("AWS::Logs::LogGroup", group.get("Type"), function);
            Map<String, Object> p = Template.map(group.get("Properties"));
            assertTrue(p.containsKey("RetentionInDays"), id);
            // a name derived from the function's (/aws/lambda/${Function}) races the group Lambda creates itself
            assertTrue(!String.valueOf(Template.map(p.get("LogGroupName")).get("Fn::Sub")).contains("${" + function + "}"), id);
            assertTrue(logged.add(id), "one log group per function: " + id);
        }
        assertTrue(watched("Errors").containsAll(functions()), "errors alarm per function; missing: " + diff(functions(), watched("Errors")));
        assertTrue(watched("Throttles").containsAll(functions()), "throttles alarm per function; missing: " + diff(functions(), watched("Throttles")));
    }

    @Test
    void asynchronousWorkThatFailsIsKeptAndTheBusIsArchived() {
        for (String async : List.of("UploadEventsFunction", "ReminderFunction", "UploadReconcileFunction")) {
            Map<String, Object> config = Template.map(Template.properties(TEMPLATE.resources().get(async)).get("EventInvokeConfig"));
            assertEquals("SQS", Template.map(Template.map(config.get("DestinationConfig")).get("OnFailure")).get("Type"), async);
            assertTrue(watched("AsyncEventsDropped").contains(async), async);
        }
        int schedules = 0;
        for (String function : functions()) {
            Object events = Template.properties(TEMPLATE.resources().get(function)).get("Events");
            for (Object event : events == null ? List.of() : Template.map(events).values()) {
                if ("Schedule".equals(Template.map(event).get("Type"))) {
                    schedules++;
                    assertTrue(Template.map(Template.map(event).get("Properties")).containsKey("DeadLetterConfig"),
                            function + ": the schedule's target has a dead-letter queue");
                }
            }
        }
        assertEquals(2, schedules, "the reminder sweep and the upload reconciliation");
        assertTrue(TEMPLATE.resources().values().stream().map(Template::map).anyMatch(r -> "AWS::Events::Archive".equals(r.get("Type"))));
        Map<String, Object> api = Template.properties(TEMPLATE.resources().get("HttpApi"));
        assertTrue(Template.map(api.get("AccessLogSettings")).get("Format").toString().contains("$context.requestId"));
        assertTrue(Template.map(api.get("DefaultRouteSettings")).containsKey("ThrottlingRateLimit"));
    }

    private static Set<String> diff(Set<String> all, Set<String> some) {
        Set<String> out = new TreeSet<>(all);
        out.removeAll(some);
        return out;
    }

    /**
     * The reminder work queue and its worker: a live worker's claims never look stale (its timeout is shorter than the
     * claim lease), a dead worker's item comes back after its claims lapsed (the visibility timeout is longer), failed
     * items are named one by one, and an item failing every delivery waits in an alarmed dead-letter queue.
     */
    @Test
    void aReminderWorkItemOutlivesTheClaimsOfAWorkerThatDied() {
        Map<String, Object> worker = TEMPLATE.properties("ReminderWorkerFunction");
        Map<String, Object> queue = TEMPLATE.properties("ReminderWorkQueue");
        long lease = com.example.clientmgmt.storage.reminders.ReminderStore.CLAIM_LEASE.toSeconds();
        int timeout = ((Number) worker.get("Timeout")).intValue();
        int visibility = ((Number) queue.get("VisibilityTimeout")).intValue();
        assertTrue(timeout < lease && lease < visibility, "worker timeout " + timeout + " s < claim lease " + lease + " s < visibility " + visibility + " s");
        Map<String, Object> work = Template.map(Template.map(Template.map(worker.get("Events")).get("Work")).get("Properties"));
        assertEquals("SQS", Template.map(Template.map(worker.get("Events")).get("Work")).get("Type"));
        assertEquals(List.of("ReportBatchItemFailures"), work.get("FunctionResponseTypes"));
        assertEquals(Map.of("Ref", "ReminderWorkerConcurrency"), Template.map(work.get("ScalingConfig")).get("MaximumConcurrency"));
        String deadLetters = getAttOf(Template.map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"));
        boolean alarmed = TEMPLATE.resources().values().stream().map(Template::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).map(r -> Template.map(r.get("Properties")))
                .anyMatch(p -> Template.list(p.get("Dimensions")).stream().map(Template::map)
                        .anyMatch(d -> deadLetters.equals(getAttOf(d.get("Value")))));
        assertTrue(alarmed, deadLetters + " has an alarm");
    }

    /**
     * Reminder e-mail: the bus's rule puts each event on the mail queue (and what it cannot deliver on a dead-letter
     * queue), only that rule may send to it, the mailer reads it in batches naming failed messages, at a concurrency the
     * stack sets; a message failing MailAttempts deliveries waits in an alarmed failure queue; the queue's visibility
     * timeout covers a whole invocation, and the mailer may put e-mail back on it (throttled) and read the quota.
     */
    @Test
    void reminderEventsReachTheMailerThroughItsQueueAndWhatFailsIsKeptAndAlarmed() {
        Map<String, Object> rule = TEMPLATE.properties("MailerRule");
        Map<String, Object> target = Template.map(Template.list(rule.get("Targets")).get(0));
        assertEquals("MailQueue", getAttOf(target.get("Arn")));
        assertEquals("ScheduleDeadLetterQueue", getAttOf(Template.map(target.get("DeadLetterConfig")).get("Arn")));
        assertEquals(Map.of("Ref", "EventBus"), rule.get("EventBusName"));
        Map<String, Object> statement = Template.map(Template.list(Template.map(TEMPLATE.properties("MailQueuePolicy")
                .get("PolicyDocument")).get("Statement")).get(0));
        assertEquals("MailerRule", getAttOf(Template.map(Template.map(statement.get("Condition")).get("ArnEquals")).get("aws:SourceArn")),
                "only the rule may put events on the mail queue");

        Map<String, Object> mailer = TEMPLATE.properties("MailerFunction");
        Map<String, Object> event = Template.map(Template.map(mailer.get("Events")).get("Mail"));
        assertEquals("SQS", event.get("Type"));
        Map<String, Object> mail = Template.map(event.get("Properties"));
        assertEquals("MailQueue", getAttOf(mail.get("Queue")));
        assertEquals(List.of("ReportBatchItemFailures"), mail.get("FunctionResponseTypes"));
        assertEquals(Map.of("Ref", "MailerConcurrency"), Template.map(mail.get("ScalingConfig")).get("MaximumConcurrency"));
        assertEquals(Map.of("Ref", "MailerConcurrency"), Template.map(Template.map(mailer.get("Environment")).get("Variables"))
                .get("MAIL_CONCURRENCY"), "each mailer paces itself to its share: the rate divided by this concurrency");
        assertTrue(!mailer.containsKey("EventInvokeConfig"), "no asynchronous invocation any more");

        Map<String, Object> queue = TEMPLATE.properties("MailQueue");
        int timeout = ((Number) mailer.get("Timeout")).intValue();
        assertTrue(((Number) queue.get("VisibilityTimeout")).intValue() >= 6 * timeout, "Lambda's advice: six times the timeout");
        Map<String, Object> redrive = Template.map(queue.get("RedrivePolicy"));
        assertEquals(Map.of("Ref", "MailAttempts"), redrive.get("maxReceiveCount"));
        String failures = getAttOf(redrive.get("deadLetterTargetArn"));
        assertEquals("MailerFailuresQueue", failures);
        assertTrue(TEMPLATE.resources().values().stream().map(Template::map)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type"))).map(r -> Template.map(r.get("Properties")))
                .anyMatch(p -> Template.list(p.get("Dimensions")).stream().map(Template::map)
                        .anyMatch(d -> failures.equals(getAttOf(d.get("Value"))))), failures + " has an alarm");

        List<String> actions = new java.util.ArrayList<>();
        Template.list(Template.map(Template.list(mailer.get("Policies")).get(0)).get("Statement")).stream().map(Template::map)
                .forEach(st -> Template.list(st.get("Action")).forEach(a -> actions.add(String.valueOf(a))));
        assertTrue(actions.containsAll(List.of("sqs:SendMessage", "ses:GetAccount", "ses:SendEmail")), actions.toString());
    }

    /** The resource a {@code !GetAtt X.Attr} (or {@code Fn::GetAtt: [X, Attr]}) names, or null for anything else. */
    static String getAttOf(Object value) {
        if (!(value instanceof Map<?, ?> m) || m.get("Fn::GetAtt") == null) {
            return null;
        }
        Object target = m.get("Fn::GetAtt");
        return target instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(target).split("\\.")[0];
    }
}
