package com.example.clientmgmt.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.model.Message;
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
        String queueUrl = aws.sqs().createQueue(b -> b.queueName(bus + "-capture")).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.eventBridge().putRule(b -> b.name(bus + "-capture").eventBusName(bus)
                .eventPattern("{\"source\":[\"" + source + "\"]}"));
        aws.eventBridge().putTargets(b -> b.rule(bus + "-capture").eventBusName(bus).targets(t -> t.id("queue").arn(arn)));
        return new BusCapture(aws, queueUrl);
    }

    public List<JsonNode> drain() {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return events;
            }
            for (Message m : messages) {
                try {
                    events.add(JSON.readTree(m.body()));
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON on the bus: " + m.body(), e);
                }
                aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
