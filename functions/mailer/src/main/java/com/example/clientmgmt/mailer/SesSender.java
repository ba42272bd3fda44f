package com.example.clientmgmt.mailer;

import com.example.clientmgmt.platform.AwsClients;
import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends raw MIME messages through Amazon SES (API v2). Throttling and transient errors (network, 5xx) are
 * retried by the SDK's standard strategy, with exponential back-off and jitter, up to {@link #ATTEMPTS}
 * attempts; what still fails is thrown to the caller.
 */
@Singleton
public class SesSender implements AutoCloseable {
    static final int ATTEMPTS = 6;
    private final SesV2Client ses;

    public SesSender(AwsClients aws, SdkHttpClient http) {
        this.ses = aws.configure(SesV2Client.builder(), http,
                o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(ATTEMPTS).build())).build();
    }

    /** Sends one message to one address; returns SES's message id. */
    public String send(String fromAddress, String toAddress, byte[] mime) {
        return ses.sendEmail(r -> r.fromEmailAddress(fromAddress).destination(d -> d.toAddresses(toAddress))
                .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mime))))).messageId();
    }

    @Override
    public void close() {
        ses.close();
    }
}
