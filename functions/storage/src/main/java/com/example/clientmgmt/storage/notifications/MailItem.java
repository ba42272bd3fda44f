package com.example.clientmgmt.storage.notifications;

import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An e-mail sent for one event to one recipient (partition {@link Keys#mailPk} of the event's idempotency
 * key, sort key {@code TO#<recipient>}): its existence is what makes a repeated event mail nobody twice.
 * {@code expiresAt} (TTL) removes it once no repetition of the event can arrive any more.
 */
public final class MailItem {
    private MailItem() {}

    static Map<String, AttributeValue> key(String orgId, String idempotencyKey, String recipient) {
        return Keys.key(Keys.mailPk(orgId, idempotencyKey), "TO#" + recipient);
    }

    static Map<String, AttributeValue> item(String orgId, String idempotencyKey, String recipient, Instant at, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId, idempotencyKey, recipient));
        item.put("type", AttributeValue.fromS("MailSent"));
        item.put("sentAt", AttributeValue.fromS(at.toString()));
        item.put(Keys.EXPIRES_AT, Attrs.n(expiresAt.getEpochSecond()));
        return item;
    }
}
