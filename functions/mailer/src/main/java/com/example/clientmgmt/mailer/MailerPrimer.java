package com.example.clientmgmt.mailer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Primes the mailer: the mail queue's SQS event read from JSON as the runtime reads it, through the handler, holding a
 * reminder event for a recipient the table does not know (no profile: no address, so nothing is written, sent or put
 * back on the queue), and the two languages' texts and MIME built. Reads only.
 */
@Singleton
public class MailerPrimer implements Primer {
    private final ApplicationContext context;
    private final JsonMapper json;

    public MailerPrimer(ApplicationContext context, JsonMapper json) {
        this.context = context;
        this.json = json;
    }

    @Override
    public String prime() throws IOException {
        String reminder = "{\"detail-type\":\"DocumentReminderDue\",\"source\":\"clientmgmt.reminders\","
                + "\"detail\":{\"organizationId\":\"snapstart-priming\",\"organizationName\":\"Priming\",\"defaultLanguage\":\"fr-CA\","
                + "\"projectId\":\"00000000000000000000000000\",\"projectName\":\"Priming\",\"documentId\":\"00000000000000000000000000\","
                + "\"title\":\"Priming\",\"kind\":\"INSURANCE\",\"reminderDate\":\"1970-01-01\",\"occurrence\":\"1970-01-01\","
                + "\"recipients\":[\"nobody\"],\"contactRoles\":[],\"idempotencyKey\":\"priming\"}}";
        SQSEvent event = json.readValue("{\"Records\":[{\"messageId\":\"priming\",\"receiptHandle\":\"priming\",\"body\":"
                + json.writeValueAsString(reminder) + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},"
                + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:priming\",\"awsRegion\":\"us-east-1\"}]}",
                SQSEvent.class);
        SQSBatchResponse answer = new MailerHandler(context).execute(event);
        if (answer.getBatchItemFailures() != null && !answer.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the priming message was not mailed: " + answer.getBatchItemFailures());
        }
        DocumentReminderDue reminderDue = json.readValue(reminder, DocumentReminderDue.Envelope.class).detail();
        for (String language : new String[] {"fr-CA", "en"}) {
            MimeMail.of("Priming", "a@example.com", "Élise", "b@example.com",
                    MailTexts.forAdmin(reminderDue, "Élise", language, "https://example.com"), java.time.ZonedDateTime.now());
        }
        return "mailer: a queue message for a recipient without address, texts and MIME built";
    }
}
