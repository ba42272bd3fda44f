package com.example.clientmgmt.storage.notifications;

import com.example.clientmgmt.platform.TableConfig;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;

/**
 * Which e-mails were sent for which event: a conditional write per event and recipient before sending, so
 * that a repeated event (EventBridge delivers at least once; Lambda retries) mails nobody twice. A sending
 * that fails releases its record, so the retry mails that recipient; a function that dies between the
 * record and the sending leaves that one recipient unmailed: at most once.
 */
@Singleton
public class MailLog {
    /** How long a record is kept: longer than any repetition of an event (retries, replays of a day). */
    public static final Duration KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public MailLog(DynamoDbClient dynamo, TableConfig table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    /** True when this recipient had not been mailed for this event (now recorded); false when they had. */
    public boolean claim(String orgId, String idempotencyKey, String recipient, Instant at) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(MailItem.item(orgId, idempotencyKey, recipient, at, at.plus(KEPT)))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException sentBefore) {
            return false;
        }
    }

    /** Forgets a record whose sending failed, so that the event's retry mails this recipient. */
    public void release(String orgId, String idempotencyKey, String recipient) {
        dynamo.deleteItem(b -> b.tableName(table).key(MailItem.key(orgId, idempotencyKey, recipient)));
    }
}
