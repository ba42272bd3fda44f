package com.example.clientmgmt.mailer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.RequirementAtRisk;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MailerFunction: a batch of the mail queue's messages (an SQS event source mapping with ReportBatchItemFailures and a
 * low maximum concurrency); the bus's rule puts each {@code DocumentReminderDue} and {@code RequirementAtRisk} event there. Each message is mailed
 * ({@link Mailer}, paced to the SES rate), then:
 * <ul>
 * <li>all its recipients mailed (or skipped, or mailed before): deleted;</li>
 * <li>some throttled by SES, or not reached with {@code mail.reserve} of the invocation left: put back on the queue for
 *     those recipients, after a delay growing with each throttle ({@link MailQueue}), and this one deleted;</li>
 * <li>a sending failed otherwise, or the message cannot be read: named in the answer, so SQS delivers it again after its
 *     visibility timeout; after the queue's maxReceiveCount (template.yaml's MailAttempts) it moves to the failure queue,
 *     whose alarm fires. Recipients already mailed are not mailed again.</li>
 * </ul>
 * Events of another type are deleted unread.
 */
public class MailerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MailerHandler.class);
    @Inject
    Mailer mailer;
    @Inject
    MailQueue queue;
    @Inject
    JsonMapper json;
    @Inject
    Clock clock;
    @Value("${mail.reserve}")
    Duration reserve;

    public MailerHandler() {
    }

    public MailerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        Context lambda = getApplicationContext().findBean(Context.class).orElse(null);
        RequestLog.begin(lambda == null ? null : lambda.getAwsRequestId(), null, null, null);
        try {
            // no send starts unless its slot comes with mail.reserve of the invocation left (no limit outside Lambda)
            long deadline = lambda == null || lambda.getRemainingTimeInMillis() <= 0 ? Long.MAX_VALUE
                    : System.nanoTime() + Duration.ofMillis(lambda.getRemainingTimeInMillis()).minus(reserve).toNanos();
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            List<Mailer.Report> reports = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event == null || event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
                if (!handle(message, deadline, reports)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            mailer.record(reports);
            return new SQSBatchResponse(failures);
        } finally {
            RequestLog.end();
        }
    }

    /** Mails one message; false when it must be delivered again (a failure, or put back impossible). */
    private boolean handle(SQSEvent.SQSMessage message, long deadline, List<Mailer.Report> reports) {
        Head head;
        MailQueue.Retry retry;
        try {
            head = json.readValue(message.getBody(), Head.class);
            retry = queue.read(attributes(message));
        } catch (IOException | RuntimeException e) {
            LOG.error("mail message {} cannot be read (delivered again, then the failure queue): {}", message.getMessageId(), e.toString());
            return false;
        }
        String detailType = head == null ? null : head.detailType();
        if (!DocumentReminderDue.DETAIL_TYPE.equals(detailType) && !RequirementAtRisk.DETAIL_TYPE.equals(detailType)) {
            LOG.info("mail message {}: not a {} or {} event, deleted", message.getMessageId(), DocumentReminderDue.DETAIL_TYPE,
                    RequirementAtRisk.DETAIL_TYPE);
            return true;
        }
        Mailer.Report report;
        String key = null;
        try {
            if (DocumentReminderDue.DETAIL_TYPE.equals(detailType)) {
                DocumentReminderDue d = json.readValue(message.getBody(), DocumentReminderDue.Envelope.class).detail();
                key = d == null ? null : d.idempotencyKey();
                report = d == null ? null : mailer.send(d, clock.instant(), retry.recipients(), deadline);
            } else {
                RequirementAtRisk r = json.readValue(message.getBody(), RequirementAtRisk.Envelope.class).detail();
                key = r == null ? null : r.idempotencyKey();
                report = r == null ? null : mailer.send(r, clock.instant(), retry.recipients(), deadline);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("mail message {} ({}) failed (delivered again, then the failure queue): {}", message.getMessageId(), key,
                    e.toString());
            return false;
        }
        if (report == null) {
            LOG.info("mail message {}: a {} event without detail, deleted", message.getMessageId(), detailType);
            return true;
        }
        reports.add(report);
        if (report.failed() > 0) {
            return false; // delivered again whole: who was mailed is not mailed twice, the throttled ones are retried with it
        }
        if (report.again().isEmpty()) {
            return true;
        }
        int throttles = retry.throttles() + (report.throttled() > 0 ? 1 : 0);
        try {
            Duration delay = queue.again(message.getBody(), report.again(), throttles, report.throttled() > 0);
            LOG.info("mail message {} ({}): {} recipient(s) put back on the queue, in {} s ({} throttle(s) so far)", message.getMessageId(),
                    report.idempotencyKey(), report.again().size(), delay.toSeconds(), throttles);
            return true;
        } catch (RuntimeException e) {
            LOG.error("mail message {}: could not put {} recipient(s) back ({}): the message is delivered again", message.getMessageId(),
                    report.again().size(), e.toString());
            return false;
        }
    }

    /** What a message is, before it is read as such. */
    @io.micronaut.serde.annotation.Serdeable
    record Head(@io.micronaut.core.annotation.Nullable @com.fasterxml.jackson.annotation.JsonProperty("detail-type") String detailType) {}

    /** The message's string attributes as Lambda's SQS event carries them. */
    private static Map<String, String> attributes(SQSEvent.SQSMessage message) {
        Map<String, String> out = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value != null && value.getStringValue() != null) {
                    out.put(name, value.getStringValue());
                }
            });
        }
        return out;
    }
}
