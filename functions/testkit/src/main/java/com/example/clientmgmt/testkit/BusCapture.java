package com.example.clientmgmt.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back what the application put on its event bus: a rule on the bus (events of one source) that
 * delivers to a queue, as a downstream e-mail consumer would subscribe. {@link #drain()} returns the
 * events that arrived, each the full EventBridge envelope.
 */
public final class BusCapture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsTestClients aws;
    private final String queueUrl;

    private BusCapture(AwsTestClients aws, String queueUrl) {
        this.aws = aws;
        this.queueUrl = queueUrl;
    }

    public static BusCapture connect(AwsTestClients aws, String bus, String source) {
        return connect(aws, bus, "capture", "{\"source\":[\"" + source + "\"]}");
    }

    /**
     * A rule named {@code bus-name} with this event pattern (JSON), delivering to its own queue: the rule of a
     * function subscribed to the bus (template.yaml's EventBridgeRule), drained by whoever stands in for it.
     */
    public static BusCapture connect(AwsTestClients aws, String bus, String name, String pattern) {
        String queueUrl = aws.sqs().createQueue(b -> b.queueName(bus + "-" + name)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.eventBridge().putRule(b -> b.name(bus + "-" + name).eventBusName(bus).eventPattern(pattern));
        aws.eventBridge().putTargets(b -> b.rule(bus + "-" + name).eventBusName(bus).targets(t -> t.id("queue").arn(arn)));
        return new BusCapture(aws, queueUrl);
    }

    /** The pattern of a function's EventBridge rule in template.yaml (its first EventBridgeRule event), as JSON. */
    public static String rulePattern(Template template, String functionId) {
        for (Object event : Template.map(template.properties(functionId).get("Events")).values()) {
            Map<String, Object> e = Template.map(event);
            if ("EventBridgeRule".equals(e.get("Type"))) {
                try {
                    return JSON.writeValueAsString(Template.map(e.get("Properties")).get("Pattern"));
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new IllegalArgumentException(functionId + " has no EventBridgeRule event in template.yaml");
    }

    /** Every event delivered by now (the queue read until quiet: {@link QueueDrain}). */
    public List<JsonNode> drain() {
        List<JsonNode> events = new ArrayList<>();
        QueueDrain.untilQuiet(aws.sqs(), queueUrl, m -> {
            try {
                events.add(JSON.readTree(m.body()));
            } catch (IOException e) {
                throw new IllegalStateException("not JSON on the bus: " + m.body(), e);
            }
        });
        return events;
    }
}
