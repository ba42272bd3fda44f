package com.example.clientmgmt.testkit;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SES's sending quota, which the emulator does not have: an SDK interceptor on the real client path that refuses a
 * SendEmail, before it reaches the emulator, with the error SES answers past the account's maximum send rate (a
 * ThrottlingException, "Maximum sending rate exceeded."). Either {@link #atRate} (a token bucket refilled at that many
 * messages per second, holding one second's worth: a steady rate passes, a burst above it is refused — one instance
 * shared by every mailer of a test, as the quota is the account's) or {@link #refusingNext} (the next n sends, for tests
 * of what the mailer does with a refusal). Counts what it let through and what it refused.
 */
public final class SesThrottle implements ExecutionInterceptor {
    private final double rate;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private double tokens;
    private long refilledAt = System.nanoTime();

    private SesThrottle(double rate) {
        this.rate = rate;
        this.tokens = Math.max(1, rate);
    }

    /** SES with a maximum send rate of {@code perSecond} messages per second. */
    public static SesThrottle atRate(double perSecond) {
        return new SesThrottle(perSecond);
    }

    /** SES refusing the next {@code n} sends, then accepting every one. */
    public static SesThrottle refusingNext(int n) {
        SesThrottle throttle = new SesThrottle(Double.POSITIVE_INFINITY);
        throttle.refuseNext.set(n);
        return throttle;
    }

    public int accepted() {
        return accepted.get();
    }

    public int throttled() {
        return throttled.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!"SendEmail".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return;
        }
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || !take()) {
            throttled.incrementAndGet();
            throw SesV2Exception.builder().statusCode(400).message("Maximum sending rate exceeded.")
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName("SESv2").errorCode("ThrottlingException")
                            .errorMessage("Maximum sending rate exceeded.")
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build())
                    .build();
        }
        accepted.incrementAndGet();
    }

    private synchronized boolean take() {
        if (Double.isInfinite(rate)) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(Math.max(1, rate), tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
