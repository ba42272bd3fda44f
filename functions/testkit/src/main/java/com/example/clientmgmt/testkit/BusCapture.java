package com.example.clientmgmt.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    /** A rule named {@code bus-name} with this event pattern (JSON), delivering to its own queue. */
    public static BusCapture connect(AwsTestClients aws, String bus, String name, String pattern) {
        String queueUrl = aws.sqs().createQueue(b -> b.queueName(bus + "-" + name)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.eventBridge().putRule(b -> b.name(bus + "-" + name).eventBusName(bus).eventPattern(pattern));
        aws.eventBridge().putTargets(b -> b.rule(bus + "-" + name).eventBusName(bus).targets(t -> t.id("queue").arn(arn)));
        return new BusCapture(aws, queueUrl);
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
