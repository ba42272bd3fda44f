package com.example.clientmgmt.storage.calendar;

import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A user's calendar feed (partition {@link Keys#userPk}, sort key {@link Keys#CALENDAR}): the SHA-256 of its secret, and
 * on the {@code Lookup} index {@code lpk = CALENDAR#<hash>}, how a request that carries only the secret finds whose
 * feed it is. A rotation overwrites it: the old hash then names nothing.
 */
public final class CalendarItem {
    static final String HASH = "secretHash";
    static final String ORG = "orgId";
    static final String USER = "userId";

    private CalendarItem() {}

    public static Map<String, AttributeValue> key(String orgId, String userId) {
        return Keys.key(Keys.userPk(orgId, userId), Keys.CALENDAR);
    }

    static Map<String, AttributeValue> item(String orgId, String userId, String hash, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(orgId, userId));
        item.put("type", AttributeValue.fromS("CalendarFeed"));
        item.put(HASH, AttributeValue.fromS(hash));
        item.put(ORG, AttributeValue.fromS(orgId));
        item.put(USER, AttributeValue.fromS(userId));
        item.put("createdAt", AttributeValue.fromS(at.toString()));
        item.put(Keys.LOOKUP_PK, AttributeValue.fromS(Keys.calendarLookup(hash)));
        item.put(Keys.LOOKUP_SK, AttributeValue.fromS(Keys.CALENDAR));
        return item;
    }

    static String hash(Map<String, AttributeValue> item) {
        return Attrs.str(item, HASH);
    }
}
