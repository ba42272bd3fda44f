package com.example.clientmgmt.reminders;

import com.example.clientmgmt.platform.AwsClients;
import com.example.clientmgmt.platform.BatchRetry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends the tick's work items to the reminder work queue ({@code reminders.work-queue.url}), ten per SendMessageBatch
 * (the API's maximum), in the order given. Entries SQS refuses are sent again ({@link BatchRetry}); those that still fail are counted and
 * logged: their reminders stay due, and the next tick lists them again.
 */
@Singleton
@Requires(property = "reminders.work-queue.url") // the tick's; the worker function has no queue to send to
public class ReminderQueue implements AutoCloseable {
    static final int BATCH = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderQueue.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper json;

    public ReminderQueue(AwsClients aws, SdkHttpClient http, JsonMapper json, @Value("${reminders.work-queue.url}") String queueUrl) {
        this.sqs = aws.configure(SqsClient.builder(), http).build();
        this.queueUrl = queueUrl;
        this.json = json;
    }

    /** Sends each work item once; returns how many could not be sent. */
    public int send(List<ReminderWork> items) {
        int unsent = 0;
        for (int from = 0; from < items.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<ReminderWork> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(body(batch.get(i))).build());
            }
            List<SendMessageBatchRequestEntry> pending = BatchRetry.send(entries, this::sendBatch);
            if (!pending.isEmpty()) {
                LOG.error("{} reminder work item(s) not queued after {} attempts; their reminders stay due for the next tick",
                        pending.size(), BatchRetry.ATTEMPTS);
                unsent += pending.size();
            }
        }
        return unsent;
    }

    private List<SendMessageBatchRequestEntry> sendBatch(List<SendMessageBatchRequestEntry> entries) {
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (RuntimeException e) {
            LOG.warn("SendMessageBatch failed: {}", e.toString());
            return entries;
        }
        Set<String> failed = new HashSet<>();
        response.failed().forEach(f -> failed.add(f.id()));
        return entries.stream().filter(e -> failed.contains(e.id())).toList();
    }

    private String body(ReminderWork item) {
        try {
            return json.writeValueAsString(item);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}
