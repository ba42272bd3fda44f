package com.example.clientmgmt.mailer;

import com.example.clientmgmt.platform.AwsClients;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The mailer's own queue ({@code mail.queue.url}, template.yaml's MailQueue; the bus's rule delivers each reminder event
 * to it). The mailer puts an event back on it for the recipients it did not mail yet — throttled by SES, or left when its
 * invocation ran out of time — as a new message: its body the same event, its attributes naming those recipients
 * ({@value #RECIPIENTS}) and how many times SES throttled them ({@value #THROTTLES}). A new message starts a new receive
 * count, so throttled e-mail never ages into the failure queue, which the queue's redrive policy keeps for what fails
 * for other reasons.
 */
@Singleton
public class MailQueue implements AutoCloseable {
    static final String RECIPIENTS = "MailRecipients";
    static final String THROTTLES = "MailThrottles";
    /** SQS's largest DelaySeconds; SES advises waiting up to 10 minutes after a throttling error. */
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper json;

    public MailQueue(AwsClients aws, SdkHttpClient http, JsonMapper json, @Value("${mail.queue.url}") String queueUrl) {
        this.sqs = aws.configure(SqsClient.builder(), http).build();
        this.queueUrl = queueUrl;
        this.json = json;
    }

    /** What a message says beyond its event: whom to mail (null: everyone the event names) and the throttles so far. */
    public record Retry(List<String> recipients, int throttles) {
        public static final Retry FIRST = new Retry(null, 0);
    }

    /** Reads a message's attributes ({@code name → string value}); absent ones mean a first delivery from the bus. */
    public Retry read(Map<String, String> attributes) throws IOException {
        String recipients = attributes.get(RECIPIENTS);
        String throttles = attributes.get(THROTTLES);
        return new Retry(recipients == null ? null : List.of(json.readValue(recipients, String[].class)),
                throttles == null ? 0 : Integer.parseInt(throttles));
    }

    /**
     * The wait before mailing again after SES throttled for the {@code throttles}-th time: doubling from a second,
     * at most {@link #LONGEST_DELAY}, each between half and all of it (jitter: throttled mailers do not come back together).
     */
    static Duration delayAfter(int throttles, double random) {
        if (throttles <= 0) {
            return Duration.ZERO;
        }
        double ceiling = Math.min(LONGEST_DELAY.toSeconds(), Math.pow(2, Math.min(throttles, 20) - 1));
        return Duration.ofSeconds(Math.max(1, Math.round(ceiling * (0.5 + 0.5 * random))));
    }

    /**
     * Puts {@code eventBody} back for {@code recipients}: after a delay grown with {@code throttles} when SES throttled
     * them, at once when they were only left for lack of time. Returns the delay; throws when SQS refuses.
     */
    public Duration again(String eventBody, List<String> recipients, int throttles, boolean throttledNow) {
        Duration delay = throttledNow ? delayAfter(throttles, ThreadLocalRandom.current().nextDouble()) : Duration.ZERO;
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        try {
            attributes.put(RECIPIENTS, MessageAttributeValue.builder().dataType("String").stringValue(json.writeValueAsString(recipients)).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        attributes.put(THROTTLES, MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(throttles)).build());
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(eventBody).delaySeconds((int) delay.toSeconds()).messageAttributes(attributes));
        return delay;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
