package com.example.clientmgmt.mailer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pace of one mailer and the delays of throttled e-mail, on a clock of their own (no waiting). */
class SendPaceTest {
    /** A clock that moves only when the pace sleeps (or the test moves it). */
    static final class FakeTime {
        final AtomicLong now = new AtomicLong(1_000_000_000L);
        final List<Long> slept = new ArrayList<>();

        void sleep(long nanos) {
            slept.add(nanos);
            now.addAndGet(nanos);
        }
    }

    static SendPace pace(FakeTime time, Optional<SesSender.Quota> quota, double fallback, int concurrency, AtomicInteger reads) {
        return new SendPace(() -> {
            reads.incrementAndGet();
            return quota;
        }, fallback, concurrency, time.now::get, time::sleep);
    }

    @Test
    void eachMailerSendsItsShareOfTheAccountRateAndNeverFaster() throws InterruptedException {
        FakeTime time = new FakeTime();
        AtomicInteger reads = new AtomicInteger();
        // SES says 14/s; the setting (1/s) is only the fallback; 2 mailers: 7/s each, one every 143 ms
        SendPace pace = pace(time, Optional.of(new SesSender.Quota(14, true)), 1, 2, reads);
        long start = time.now.get();
        for (int i = 0; i < 8; i++) {
            assertTrue(pace.await(Long.MAX_VALUE));
        }
        long interval = (long) Math.ceil(1e9 * 2 / 14);
        assertEquals(7 * interval, time.now.get() - start, "the first at once, then one per interval");
        assertEquals(7.0, pace.share(), 0.01);
        assertEquals(1, reads.get(), "the quota is read once, not per e-mail");
    }

    @Test
    void withoutGetAccountTheSettingIsTheRate() throws InterruptedException {
        FakeTime time = new FakeTime();
        SendPace pace = pace(time, Optional.empty(), 1, 2, new AtomicInteger());
        assertEquals(0.5, pace.share(), 1e-9, "the sandbox's 1/s shared by 2");
        pace.await(Long.MAX_VALUE);
        pace.await(Long.MAX_VALUE);
        assertEquals(List.of(2_000_000_000L), time.slept);
    }

    @Test
    void aSlotAfterTheDeadlineIsNotTakenAndCostsNoWait() throws InterruptedException {
        FakeTime time = new FakeTime();
        SendPace pace = pace(time, Optional.empty(), 1, 1, new AtomicInteger());
        long deadline = time.now.get() + Duration.ofMillis(500).toNanos();
        assertTrue(pace.await(deadline), "now is before the deadline");
        assertFalse(pace.await(deadline), "the next slot, a second later, is after it");
        assertEquals(List.of(), time.slept, "refused without sleeping");
        assertTrue(pace.await(deadline + Duration.ofSeconds(1).toNanos()), "still free for a later deadline: nothing was taken");
    }

    @Test
    void aThrottleHoldsTheNextSendASecondAndTheQuotaIsReadAgainAfterTenMinutes() throws InterruptedException {
        FakeTime time = new FakeTime();
        AtomicInteger reads = new AtomicInteger();
        SendPace pace = pace(time, Optional.of(new SesSender.Quota(100, true)), 1, 2, reads);
        pace.await(Long.MAX_VALUE);
        pace.throttled();
        pace.await(Long.MAX_VALUE);
        assertEquals(List.of(Duration.ofSeconds(1).toNanos()), time.slept);
        time.now.addAndGet(SendPace.REFRESH.toNanos() + 1);
        pace.await(Long.MAX_VALUE);
        assertEquals(2, reads.get());
    }

    @Test
    void aRateOrConcurrencyThatCannotWorkIsRefusedAtStart() {
        FakeTime time = new FakeTime();
        assertThrows(IllegalArgumentException.class, () -> pace(time, Optional.empty(), 0, 2, new AtomicInteger()));
        assertThrows(IllegalArgumentException.class, () -> pace(time, Optional.empty(), 14, 0, new AtomicInteger()));
    }

    @Test
    void throttledEMailWaitsLongerEachTimeUpToSqsLongestDelayWithJitter() {
        assertEquals(Duration.ZERO, MailQueue.delayAfter(0, 0.5), "only left for lack of time: at once");
        long previousCeiling = 0;
        for (int throttles = 1; throttles <= 30; throttles++) {
            long low = MailQueue.delayAfter(throttles, 0).toSeconds();
            long high = MailQueue.delayAfter(throttles, 1).toSeconds();
            assertTrue(low >= 1 && low <= high && high <= 900, throttles + ": " + low + ".." + high);
            assertTrue(high >= previousCeiling, "never shorter than the last ceiling");
            assertTrue(low >= high / 2, "jitter keeps at least half");
            previousCeiling = high;
        }
        assertEquals(1, MailQueue.delayAfter(1, 1).toSeconds());
        assertEquals(16, MailQueue.delayAfter(5, 1).toSeconds());
        assertEquals(900, MailQueue.delayAfter(11, 1).toSeconds(), "SQS's longest DelaySeconds");
    }

    @Test
    void throttlingIsToldFromOtherRefusals() {
        var throttling = software.amazon.awssdk.services.sesv2.model.SesV2Exception.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().errorCode("ThrottlingException")
                        .errorMessage("Maximum sending rate exceeded.").build()).build();
        var tooMany = software.amazon.awssdk.services.sesv2.model.TooManyRequestsException.builder().statusCode(429).build();
        var rejected = software.amazon.awssdk.services.sesv2.model.MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().errorCode("MessageRejected").build()).build();
        var noDetails = software.amazon.awssdk.services.sesv2.model.SesV2Exception.builder().statusCode(400).build();
        assertTrue(SesSender.throttled(throttling));
        assertTrue(SesSender.throttled(tooMany));
        assertFalse(SesSender.throttled(rejected));
        assertFalse(SesSender.throttled(noDetails), "no NullPointerException inside the SDK's retry decision");
        assertFalse(SesSender.worthRetrying(throttling), "throttling goes back on the queue, not into the SDK's retries");
        assertFalse(SesSender.worthRetrying(rejected));
        assertTrue(SesSender.worthRetrying(software.amazon.awssdk.core.exception.SdkClientException.create("reset",
                new java.io.IOException("Connection reset"))));
        assertTrue(SesSender.worthRetrying(software.amazon.awssdk.services.sesv2.model.SesV2Exception.builder().statusCode(503).build()));
    }
}
