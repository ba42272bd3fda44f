package com.example.clientmgmt.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The local stand-in for a Lambda SQS event source mapping (moto's cannot run a Java function, and ignores batch
 * failures and concurrency): reads a function's SQS event in template.yaml — its batch size, whether it reports batch
 * item failures, its maximum concurrency (a parameter's default unless given) — and polls the queue with that many
 * pollers, each handing a batch of up to that many messages, as an {@link SQSEvent} built the way Lambda builds it,
 * to the real handler. As Lambda does: the messages the handler does not name as failures are deleted; those it names
 * (or all of them, when it throws) stay, and come back once their visibility timeout has passed.
 */
public final class SqsEventSource {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final int concurrency;
    private final boolean reportsItemFailures;
    private final List<Function<SQSEvent, SQSBatchResponse>> handlers;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private SqsEventSource(SqsClient sqs, String queueUrl, int batchSize, int concurrency, boolean reportsItemFailures,
                           IntFunction<Function<SQSEvent, SQSBatchResponse>> handlerOfPoller) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.reportsItemFailures = reportsItemFailures;
        this.handlers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            handlers.add(handlerOfPoller.apply(i));
        }
    }

    /**
     * The event source of {@code functionId}'s SQS event in {@code template}, on {@code queueUrl}; {@code concurrency}
     * overrides its ScalingConfig's MaximumConcurrency when above 0.
     */
    public static SqsEventSource of(Template template, String functionId, SqsClient sqs, String queueUrl, int concurrency,
                                    Function<SQSEvent, SQSBatchResponse> handler) {
        return ofInstances(template, functionId, sqs, queueUrl, concurrency, poller -> handler);
    }

    /**
     * The same, each poller handing its batches to its own handler ({@code handlerOfPoller} of 0 to concurrency-1): a
     * Lambda instance of its own, for a handler that keeps state per instance (the mailer's pace).
     */
    public static SqsEventSource ofInstances(Template template, String functionId, SqsClient sqs, String queueUrl, int concurrency,
                                             IntFunction<Function<SQSEvent, SQSBatchResponse>> handlerOfPoller) {
        Map<String, Object> event = null;
        for (Object e : Template.map(template.properties(functionId).get("Events")).values()) {
            if ("SQS".equals(Template.map(e).get("Type"))) {
                event = Template.map(Template.map(e).get("Properties"));
            }
        }
        if (event == null) {
            throw new IllegalArgumentException(functionId + " has no SQS event in template.yaml");
        }
        int batch = ((Number) event.getOrDefault("BatchSize", 10)).intValue();
        boolean reports = Template.list(event.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
        int maximum = concurrency > 0 ? concurrency : scaling(template, event);
        return new SqsEventSource(sqs, queueUrl, batch, maximum, reports, handlerOfPoller);
    }

    /** MaximumConcurrency as the template sets it: a number, or a parameter's default. */
    private static int scaling(Template template, Map<String, Object> event) {
        Object value = Template.map(event.get("ScalingConfig")).get("MaximumConcurrency");
        if (value instanceof Number n) {
            return n.intValue();
        }
        Object ref = Template.map(value).get("Ref");
        return ref == null ? 1 : Integer.parseInt(template.parameterDefault((String) ref));
    }

    public int batchSize() {
        return batchSize;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Messages handed to the handler so far, and of them, those it named as failures (or threw on). */
    public int delivered() {
        return delivered.get();
    }

    public int failed() {
        return failed.get();
    }

    /**
     * Runs the pollers until each has found the queue empty twice, {@link QueueDrain#QUIET} apart, with no message
     * waiting out its DelaySeconds either; returns how many messages were delivered. Messages named as failures come
     * back after their visibility timeout, which may be after this returns.
     */
    public int drain() {
        int before = delivered.get();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> pollers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Function<SQSEvent, SQSBatchResponse> handler = handlers.get(i);
                pollers.add(pool.submit(() -> poll(handler)));
            }
            for (Future<?> poller : pollers) {
                poller.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return delivered.get() - before;
    }

    /** One poller: a batch at a time until the queue is empty twice in a row (delayed messages counted as waiting). */
    private void poll(Function<SQSEvent, SQSBatchResponse> handler) {
        boolean quietOnce = false;
        while (true) {
            List<Message> messages = receive();
            if (!messages.isEmpty()) {
                deliver(messages, handler);
                quietOnce = false;
                continue;
            }
            if (quietOnce && delayed() == 0) {
                return;
            }
            quietOnce = true;
            try {
                Thread.sleep(QueueDrain.QUIET.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes every waiting message without handing it over, as a lost delivery would; returns how many. */
    public int lose() {
        return take().size();
    }

    /** Takes every waiting message without handing it over (deleted, read until quiet): their bodies, as read. */
    public List<String> take() {
        List<String> bodies = new ArrayList<>();
        QueueDrain.untilQuiet(sqs, queueUrl, m -> bodies.add(m.body()));
        return bodies;
    }

    /** Messages sent with a DelaySeconds not yet over. */
    private int delayed() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private List<Message> receive() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(batchSize).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    /** One invocation: the event Lambda builds from a batch, the handler's answer applied as Lambda applies it. */
    private void deliver(List<Message> messages, Function<SQSEvent, SQSBatchResponse> handler) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setMd5OfBody(m.md5OfBody());
            Map<String, String> attributes = new HashMap<>();
            m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
            r.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            m.messageAttributes().forEach((name, value) -> {
                SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
                a.setDataType(value.dataType());
                a.setStringValue(value.stringValue());
                a.setStringListValues(List.of());
                a.setBinaryListValues(List.of());
                messageAttributes.put(name, a);
            });
            r.setMessageAttributes(messageAttributes);
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queueArn);
            r.setAwsRegion(AwsTestClients.REGION);
            records.add(r);
        }
        event.setRecords(records);
        delivered.addAndGet(messages.size());
        Set<String> again = new HashSet<>();
        try {
            SQSBatchResponse response = handler.apply(event);
            if (reportsItemFailures && response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> again.add(f.getItemIdentifier()));
            }
        } catch (RuntimeException e) {
            messages.forEach(m -> again.add(m.messageId())); // the whole batch comes back
            System.err.println("[" + queueArn + "] the handler failed; the batch comes back: " + e);
        }
        failed.addAndGet(again.size());
        List<DeleteMessageBatchRequestEntry> done = messages.stream().filter(m -> !again.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }

    /** Keeps polling in the background (scripts/dev), draining every {@code millis}. */
    public Thread runInBackground(long millis) {
        return Background.every("sqs-event-source " + queueArn, millis, this::drain);
    }
}
