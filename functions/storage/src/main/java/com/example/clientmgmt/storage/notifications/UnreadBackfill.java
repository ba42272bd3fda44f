package com.example.clientmgmt.storage.notifications;

import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Once, after upgrading a stack deployed before the unread list existed: puts every unread notification written before
 * it into its recipient's unread list (index Lookup), so that none loses its unread mark. A scan of the table for
 * unread notifications without {@code lpk}; each is updated only while it is still unread and still not listed, so the
 * run may be repeated or stopped at any point and run again, and a notification marked read meanwhile stays read.
 * ({@code scripts/migrate unread-notifications}.)
 */
public final class UnreadBackfill {
    private final DynamoDbClient dynamo;
    private final String table;

    public UnreadBackfill(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What a run did: notifications examined (scanned matches) and put into an unread list. */
    public record Report(int found, int listed) {}

    public Report run(Consumer<String> progress) {
        int found = 0;
        int listed = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("begins_with(#sk, :prefix) AND #read = :false AND attribute_not_exists(#lpk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK, "#read", NotificationItem.READ, "#lpk", Keys.LOOKUP_PK))
                    .expressionAttributeValues(Map.of(":prefix", NotificationItem.prefix(), ":false", AttributeValue.fromBool(false)))
                    .projectionExpression("#pk, #sk");
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = dynamo.scan(scan.build());
            for (Map<String, AttributeValue> item : page.items()) {
                found++;
                if (list(item)) {
                    listed++;
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            progress.accept("unread notifications: " + found + " found, " + listed + " listed" + (start == null ? " (done)" : ", going on"));
        } while (start != null);
        return new Report(found, listed);
    }

    private boolean list(Map<String, AttributeValue> item) {
        String id = NotificationItem.idOf(item);
        NotificationItem.Recipient recipient = NotificationItem.recipientOf(Attrs.str(item, Keys.PK));
        Map<String, AttributeValue> unread = NotificationItem.unreadKey(recipient.orgId(), recipient.userId(), id);
        Expressions e = new Expressions()
                .set(Keys.LOOKUP_PK, unread.get(Keys.LOOKUP_PK))
                .set(Keys.LOOKUP_SK, unread.get(Keys.LOOKUP_SK));
        e.condition(e.name(NotificationItem.READ) + " = " + e.value(AttributeValue.fromBool(false)))
                .condition("attribute_not_exists(" + e.name(Keys.LOOKUP_PK) + ")");
        try {
            dynamo.updateItem(e.updateItem(table, NotificationItem.key(recipient.orgId(), recipient.userId(), id)).build());
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false; // marked read, or listed, since the scan saw it
        }
    }
}
