package com.example.clientmgmt.storage.notifications;

import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Expressions;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's in-app notification (partition {@link Keys#notificationsPk}, sort key {@link Keys#NOTIFICATION_PREFIX} + id), one partition per
 * user, so that only the recipient's own key reaches it. The id is {@code <created ms>.<document>.<arming>}:
 * creation first (keys sort by time), the document and reminder arming make it unique and repeatable (each
 * occurrence of a repeating reminder is claimed anew, so its first claim's time differs). While unread, it is also in
 * its recipient's unread list (index Lookup: {@code lpk} = {@link Keys#unreadPk}, {@code lsk} = its id), which marking
 * it read leaves.
 */
public final class NotificationItem {
    static final String READ = "read";
    private static final Pattern ID = Pattern.compile("\\d{13}\\.[0-9A-HJKMNP-TV-Z]{26}\\.\\d{1,19}");

    private NotificationItem() {}

    public static String id(Instant createdAt, String documentId, long armedVer) {
        return String.format("%013d.%s.%d", createdAt.toEpochMilli(), documentId, armedVer);
    }

    /**
     * The id of the notification warning that {@code requirementId} of {@code projectId} is at risk for {@code date},
     * created at {@code createdAt}: the project in the middle, a number from the requirement and its date at the end.
     */
    public static String atRiskId(Instant createdAt, String projectId, String requirementId, java.time.LocalDate date) {
        long n = Long.parseLong(com.example.clientmgmt.domain.Sha256.hex(requirementId + "#" + date).substring(0, 15), 16);
        return id(createdAt, projectId, n);
    }

    static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static Map<String, AttributeValue> key(String orgId, String userId, String id) {
        return Keys.key(Keys.notificationsPk(orgId, userId), Keys.NOTIFICATION_PREFIX + id);
    }

    /** The id of the notification whose key this is (a page's last evaluated key). */
    static String idOf(Map<String, AttributeValue> key) {
        return Attrs.str(key, Keys.SK).substring(Keys.NOTIFICATION_PREFIX.length());
    }

    /** Its key in the recipient's unread list (index Lookup), which the index's queries start after. */
    static Map<String, AttributeValue> unreadKey(String orgId, String userId, String id) {
        Map<String, AttributeValue> key = new HashMap<>(key(orgId, userId, id));
        key.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.unreadPk(orgId, userId)));
        key.put(Keys.LOOKUP_SK, AttributeValue.fromS(id));
        return key;
    }

    /** Marks it read: out of the unread list. */
    static Expressions markRead() {
        return new Expressions().set(READ, AttributeValue.fromBool(true)).remove(Keys.LOOKUP_PK).remove(Keys.LOOKUP_SK);
    }

    /** Whose notifications a partition holds. */
    record Recipient(String orgId, String userId) {}

    /** The recipient of the partition {@code pk} ({@link Keys#notificationsPk}). */
    static Recipient recipientOf(String pk) {
        String[] owner = Keys.notificationsOwner(pk);
        if (owner == null) {
            throw new IllegalArgumentException("not a notifications partition: " + pk);
        }
        return new Recipient(owner[0], owner[1]);
    }

    static AttributeValue partition(String orgId, String userId) {
        return AttributeValue.fromS(Keys.notificationsPk(orgId, userId));
    }

    static AttributeValue prefix() {
        return AttributeValue.fromS(Keys.NOTIFICATION_PREFIX);
    }

    /**
     * Writes a new unread notification of {@code userId}, only when it is not there yet: a repeated write (a retried
     * run) changes nothing, its read mark included.
     */
    public static Expressions firstWrite(String orgId, String userId, Notification n, String idempotencyKey) {
        Expressions e = new Expressions();
        item(n, idempotencyKey).forEach(e::set);
        unreadKey(orgId, userId, n.id()).forEach((name, value) -> {
            if (!name.equals(Keys.PK) && !name.equals(Keys.SK)) {
                e.set(name, value);
            }
        });
        return e.condition("attribute_not_exists(" + e.name(Keys.PK) + ")");
    }

    /** The fields of a new unread notification (no keys). */
    public static Map<String, AttributeValue> item(Notification n, String idempotencyKey) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("type", AttributeValue.fromS(n.type()));
        item.put("id", AttributeValue.fromS(n.id()));
        item.put("organizationName", Attrs.s(n.organizationName()));
        item.put("projectId", AttributeValue.fromS(n.projectId()));
        item.put("projectName", Attrs.s(n.projectName()));
        item.put("documentId", Attrs.s(n.documentId()));
        item.put("requirementId", Attrs.s(n.requirementId()));
        item.put("title", Attrs.s(n.title()));
        item.put("kind", Attrs.s(n.kind() == null ? null : n.kind().name()));
        item.put("reminderDate", Attrs.s(n.reminderDate() == null ? null : n.reminderDate().toString()));
        item.put("reminderNote", Attrs.s(n.reminderNote()));
        item.put("occurrence", Attrs.s(n.occurrence() == null ? null : n.occurrence().toString()));
        item.put("createdAt", AttributeValue.fromS(n.createdAt().toString()));
        item.put("idempotencyKey", AttributeValue.fromS(idempotencyKey));
        item.put(READ, AttributeValue.fromBool(false));
        return item;
    }

    /** A new notification of {@code userId}, as one write of a transaction. */
    public static software.amazon.awssdk.services.dynamodb.model.TransactWriteItem put(String table, String orgId, String userId,
                                                                             Notification n, String idempotencyKey) {
        Map<String, AttributeValue> item = new HashMap<>(unreadKey(orgId, userId, n.id()));
        item(n, idempotencyKey).forEach((name, value) -> {
            if (value != null) {
                item.put(name, value);
            }
        });
        return software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item)).build();
    }

    public static Notification toNotification(Map<String, AttributeValue> i) {
        String kind = Attrs.str(i, "kind");
        return new Notification(Attrs.str(i, "id"), Attrs.str(i, "type"), Attrs.str(i, "organizationName"), Attrs.str(i, "projectId"),
                Attrs.str(i, "projectName"), Attrs.str(i, "documentId"), Attrs.str(i, "title"),
                kind == null ? null : DocumentKind.valueOf(kind), Attrs.date(i, "reminderDate"), Attrs.str(i, "reminderNote"),
                Attrs.date(i, "occurrence"), Attrs.instant(i, "createdAt"), Attrs.bool(i, READ), Attrs.str(i, "requirementId"));
    }
}
