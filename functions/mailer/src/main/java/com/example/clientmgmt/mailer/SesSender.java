package com.example.clientmgmt.mailer;

import com.example.clientmgmt.platform.AwsClients;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Sends raw MIME messages through Amazon SES (API v2). Transient errors (a cut connection, a 5xx) are retried by the
 * SDK, with exponential back-off and jitter, up to {@link #ATTEMPTS} attempts. Throttling is not: SES refuses what
 * goes past the account's sending rate ("Maximum sending rate exceeded", or the daily quota), and retrying within
 * the second only sends more past it — the mailer paces itself ({@link SendPace}) and puts a throttled e-mail back
 * on its queue with a delay. What still fails is thrown to the caller; {@link #throttled} tells which is which.
 */
@Singleton
public class SesSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SesSender.class);
    static final int ATTEMPTS = 3;
    private final SesV2Client ses;

    public SesSender(AwsClients aws, SdkHttpClient http) {
        this.ses = aws.configure(SesV2Client.builder(), http, o -> o.retryStrategy(
                DefaultRetryStrategy.standardStrategyBuilder()
                        .useClientDefaults(false) // without the SDK's own conditions, which retry throttling
                        .retryOnException(SesSender::worthRetrying)
                        .maxAttempts(ATTEMPTS)
                        .build())).build();
    }

    /** A failure worth a retry within the call: the wire, or SES's side (5xx) — never throttling. */
    static boolean worthRetrying(Throwable t) {
        if (throttled(t)) {
            return false;
        }
        if (t instanceof AwsServiceException service) {
            return service.statusCode() >= 500;
        }
        return t instanceof SdkClientException && t.getCause() instanceof IOException;
    }

    /** SES refused for the sending rate or the daily quota (ThrottlingException, Throttling, 429…): retry later. */
    public static boolean throttled(Throwable t) {
        return t instanceof AwsServiceException service && (service.statusCode() == 429
                || service.awsErrorDetails() != null && service.isThrottlingException());
    }

    /** Sends one message to one address; returns SES's message id. */
    public String send(String fromAddress, String toAddress, byte[] mime) {
        return ses.sendEmail(r -> r.fromEmailAddress(fromAddress).destination(d -> d.toAddresses(toAddress))
                .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mime))))).messageId();
    }

    /**
     * The account's sending quota as SES states it (GetAccount): messages per second, and whether the account left the
     * sandbox; empty where GetAccount does not answer (the emulator has none; a role without ses:GetAccount).
     */
    public Optional<Quota> quota() {
        try {
            GetAccountResponse account = ses.getAccount(b -> { });
            if (account.sendQuota() == null || account.sendQuota().maxSendRate() == null) {
                return Optional.empty();
            }
            return Optional.of(new Quota(account.sendQuota().maxSendRate(), Boolean.TRUE.equals(account.productionAccessEnabled())));
        } catch (RuntimeException e) {
            LOG.warn("SES GetAccount did not answer ({}): the mailers pace themselves to mail.send-rate (MailSendRate)", e.toString());
            return Optional.empty();
        }
    }

    public record Quota(double maxSendRate, boolean production) {}

    @Override
    public void close() {
        ses.close();
    }
}
