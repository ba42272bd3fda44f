package com.example.clientmgmt.platform;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Sending a batch whose answer may refuse some entries (PutEvents, SendMessageBatch): the refused ones are sent again,
 * up to {@link #ATTEMPTS} attempts in all, 100 ms × the attempt apart. What is still refused after that is returned, for
 * the caller to keep (nothing is dropped silently).
 */
public final class BatchRetry {
    public static final int ATTEMPTS = 3;

    private BatchRetry() {}

    /** {@code send} sends its entries and returns those refused (all of them when the call itself failed). */
    public static <T> List<T> send(List<T> entries, UnaryOperator<List<T>> send) {
        List<T> pending = entries;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            pending = send.apply(pending);
            if (!pending.isEmpty() && attempt < ATTEMPTS) {
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return pending;
                }
            }
        }
        return pending;
    }
}
