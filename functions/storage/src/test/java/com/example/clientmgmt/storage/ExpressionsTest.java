package com.example.clientmgmt.storage;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The expression builder alone: clause grouping, placeholders, and no empty maps (DynamoDB refuses them). */
class ExpressionsTest {
    @Test
    void clausesAreGroupedAndEveryNameAndValueIsAPlaceholder() {
        Expressions e = new Expressions()
                .set("status", AttributeValue.fromS("AVAILABLE"))
                .set("note", null)
                .increment("ver")
                .remove("expiresAt")
                .add("contactOf", AttributeValue.fromSs(java.util.List.of("p#BILLING")));
        e.condition(e.name("status") + " = " + e.value(AttributeValue.fromS("PENDING_UPLOAD")));
        assertEquals("SET #n0 = :v0, #n2 = #n2 + :v1 REMOVE #n1, #n3 ADD #n4 :v2", e.updateExpression());
        assertEquals("#n0 = :v3", e.conditionExpression());
        assertEquals(Map.of("#n0", "status", "#n1", "note", "#n2", "ver", "#n3", "expiresAt", "#n4", "contactOf"), e.names());
        assertEquals(AttributeValue.fromN("1"), e.values().get(":v1"));
    }

    @Test
    void pathsNameEachSegmentSoUserIdsNeverReachTheExpression() {
        Expressions e = new Expressions();
        String path = e.path("members", "user.with.dots #and :colons");
        assertEquals("#n0.#n1", path);
        e.setPath(path, AttributeValue.fromS("ADMIN"));
        assertEquals("SET #n0.#n1 = :v0", e.updateExpression());
        assertEquals("user.with.dots #and :colons", e.names().get("#n1"));
    }

    @Test
    void nothingToSayGivesNullsNotEmptyMaps() {
        Expressions e = new Expressions();
        assertNull(e.names());
        assertNull(e.values());
        assertNull(e.conditionExpression());
        assertFalse(e.hasUpdates());
        assertEquals("", e.updateExpression());
    }
}
