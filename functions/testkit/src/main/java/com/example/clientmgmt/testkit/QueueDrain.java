package com.example.clientmgmt.testkit;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a queue until it has stayed empty for {@link #QUIET}, handing each message to the caller and deleting it:
 * delivery may lag the put that caused it (it does in AWS; moto delivers within the request), so one empty read
 * is not the end. At most {@link #DEADLINE} in all.
 */
final class QueueDrain {
    /** How long an empty queue must stay empty to count as drained. */
    static final Duration QUIET = Duration.ofMillis(30);
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private QueueDrain() {}

    /** Returns how many messages were read. */
    static int untilQuiet(SqsClient sqs, String queueUrl, Consumer<Message> each) {
        int read = 0;
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        boolean quietOnce = false;
        while (System.nanoTime() < deadline) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                if (quietOnce) {
                    return read;
                }
                quietOnce = true;
                pause();
                continue;
            }
            quietOnce = false;
            for (Message m : messages) {
                each.accept(m);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                read++;
            }
        }
        throw new IllegalStateException(queueUrl + " did not go quiet within " + DEADLINE + " (" + read + " messages read)");
    }

    private static void pause() {
        try {
            Thread.sleep(QUIET.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
