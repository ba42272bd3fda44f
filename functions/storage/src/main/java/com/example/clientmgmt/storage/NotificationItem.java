package com.example.clientmgmt.storage;

import com.example.clientmgmt.domain.Notification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's in-app notification (partition {@link Keys#notificationsPk}, sort key {@link Keys#NOTIFICATION_PREFIX} + id), one partition per
 * user, so that only the recipient's own key reaches it. The id is {@code <created ms>.<document>.<arming>}:
 * creation first (keys sort by time), the document and reminder arming make it unique and repeatable.
 */
final class NotificationItem {
    static final String READ = "read";
    private static final Pattern ID = Pattern.compile("\\d{13}\\.[0-9A-HJKMNP-TV-Z]{26}\\.\\d{1,19}");

    private NotificationItem() {}

    static String id(Instant createdAt, String documentId, long armedVer) {
        return String.format("%013d.%s.%d", createdAt.toEpochMilli(), documentId, armedVer);
    }

    static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static Map<String, AttributeValue> key(String orgId, String userId, String id) {
        return Keys.key(Keys.notificationsPk(orgId, userId), Keys.NOTIFICATION_PREFIX + id);
    }

    static AttributeValue partition(String orgId, String userId) {
        return AttributeValue.fromS(Keys.notificationsPk(orgId, userId));
    }

    static AttributeValue prefix() {
        return AttributeValue.fromS(Keys.NOTIFICATION_PREFIX);
    }

    /** Writes a reminder notification's fields; its read mark is kept when it exists already (a repeated write). */
    static Expressions reminder(Notification n, String idempotencyKey) {
        Expressions e = new Expressions()
                .set("type", AttributeValue.fromS(n.type()))
                .set("id", AttributeValue.fromS(n.id()))
                .set("projectId", AttributeValue.fromS(n.projectId()))
                .set("projectName", AttributeValue.fromS(n.projectName()))
                .set("documentId", AttributeValue.fromS(n.documentId()))
                .set("title", AttributeValue.fromS(n.title()))
                .set("reminderDate", Attrs.textOrAbsent(n.reminderDate()))
                .set("reminderNote", Attrs.s(n.reminderNote()))
                .set("createdAt", AttributeValue.fromS(n.createdAt().toString()))
                .set("idempotencyKey", AttributeValue.fromS(idempotencyKey));
        return e.setIfAbsent(READ, AttributeValue.fromBool(false));
    }

    static Notification toNotification(Map<String, AttributeValue> i) {
        return new Notification(Attrs.str(i, "id"), Attrs.str(i, "type"), Attrs.str(i, "projectId"), Attrs.str(i, "projectName"),
                Attrs.str(i, "documentId"), Attrs.str(i, "title"), Attrs.date(i, "reminderDate"),
                Attrs.str(i, "reminderNote"), Attrs.instant(i, "createdAt"), Attrs.bool(i, READ));
    }
}
