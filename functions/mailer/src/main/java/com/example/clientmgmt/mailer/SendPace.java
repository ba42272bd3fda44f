package com.example.clientmgmt.mailer;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * Keeps one mailer instance under its share of the account's SES sending rate: the rate (GetAccount's
 * MaxSendRate where SES answers, else {@code mail.send-rate}) divided by {@code mail.concurrency}, the most
 * mailers the queue's event source runs at once. Each send takes the next slot, {@code 1/share} seconds after
 * the previous one; a send that SES throttled anyway pushes the next slot a second later. The quota is read again
 * every {@link #REFRESH}, so a raised quota is used without a deployment.
 */
@Singleton
public class SendPace {
    static final Duration REFRESH = Duration.ofMinutes(10);
    static final Duration AFTER_THROTTLE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SendPace.class);

    private final Supplier<Optional<SesSender.Quota>> quota;
    private final double fallbackRate;
    private final int concurrency;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private long intervalNanos = -1;
    private long readAt;
    private long nextSlot;

    /** Waits, or pretends to (tests of the pacing alone). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    @Inject
    public SendPace(SesSender ses, @Value("${mail.send-rate}") double fallbackRate, @Value("${mail.concurrency}") int concurrency) {
        this(ses::quota, fallbackRate, concurrency, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    SendPace(Supplier<Optional<SesSender.Quota>> quota, double fallbackRate, int concurrency, LongSupplier nanos, Sleeper sleeper) {
        if (!(fallbackRate > 0) || concurrency < 1) {
            throw new IllegalArgumentException("mail.send-rate must be above 0 and mail.concurrency at least 1: "
                    + fallbackRate + ", " + concurrency);
        }
        this.quota = quota;
        this.fallbackRate = fallbackRate;
        this.concurrency = concurrency;
        this.nanos = nanos;
        this.sleeper = sleeper;
    }

    /**
     * Waits for this instance's next sending slot and takes it; false (nothing taken, no wait) when that slot is
     * after {@code deadlineNanos} (a {@link System#nanoTime()} value): the caller leaves that e-mail for later.
     */
    public synchronized boolean await(long deadlineNanos) throws InterruptedException {
        long now = nanos.getAsLong();
        long interval = interval(now);
        long slot = Math.max(now, nextSlot);
        if (slot - deadlineNanos > 0) {
            return false;
        }
        nextSlot = slot + interval;
        if (slot > now) {
            sleeper.sleep(slot - now);
        }
        return true;
    }

    /** SES throttled a send although paced (another sender in the account, a lowered quota): back off a second. */
    public synchronized void throttled() {
        nextSlot = Math.max(nextSlot, nanos.getAsLong() + AFTER_THROTTLE.toNanos());
    }

    /** This instance's share of the rate, in messages per second (reads the quota when due). */
    public synchronized double share() {
        return 1e9 / interval(nanos.getAsLong());
    }

    private long interval(long now) {
        if (intervalNanos < 0 || now - readAt > REFRESH.toNanos()) {
            Optional<SesSender.Quota> q = quota.get();
            double rate = q.map(SesSender.Quota::maxSendRate).filter(r -> r > 0).orElse(fallbackRate);
            long interval = (long) Math.ceil(1e9 * concurrency / rate);
            if (interval != intervalNanos) {
                LOG.info("e-mail pace: {}/s ({}) shared by at most {} mailers: one e-mail every {} ms per mailer{}", rate,
                        q.isPresent() ? "the SES account's MaxSendRate" : "mail.send-rate; SES's GetAccount did not answer",
                        concurrency, interval / 1_000_000, q.map(x -> x.production() ? "" : "; SES sandbox: only verified recipients")
                                .orElse(""));
            }
            intervalNanos = interval;
            readAt = now;
        }
        return intervalNanos;
    }
}
