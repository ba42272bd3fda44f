package com.example.clientmgmt.reminders;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Primes the reminder worker: an SQS event read from JSON as the runtime reads it, holding one work item as of 1970
 * that names a document no organization has, through the handler: one batch read finds nothing due and fires
 * nothing. Reads only.
 */
@Singleton
public class ReminderWorkerPrimer implements Primer {
    static final String EVENT = """
            {"Records":[{"messageId":"snapstart-priming","receiptHandle":"priming","eventSource":"aws:sqs",
             "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:priming","awsRegion":"us-east-1","attributes":{"ApproximateReceiveCount":"1"},
             "messageAttributes":{},"body":"{\\"v\\":1,\\"tickId\\":\\"snapstart-priming\\",\\"asOf\\":\\"1970-01-01T00:00:00Z\\",\\"organizationId\\":\\"snapstart-priming\\",\\"reminders\\":[{\\"projectId\\":\\"01J0000000000000000000PRIM\\",\\"documentId\\":\\"01J0000000000000000000PRIM\\"}]}"}]}
            """;
    private final ApplicationContext context;
    private final JsonMapper json;

    public ReminderWorkerPrimer(ApplicationContext context, JsonMapper json) {
        this.context = context;
        this.json = json;
    }

    @Override
    public String prime() throws IOException {
        if (!Primer.forThisFunction(ReminderWorkerHandler.class)) {
            return "reminder worker: not this function";
        }
        SQSBatchResponse response = new ReminderWorkerHandler(context).execute(json.readValue(EVENT, SQSEvent.class));
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the priming work item failed");
        }
        return "work item as of 1970: nothing due";
    }
}
