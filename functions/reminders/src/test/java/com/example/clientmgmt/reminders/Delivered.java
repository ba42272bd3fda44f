package com.example.clientmgmt.reminders;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.example.clientmgmt.testkit.World.expect;

/**
 * What the reminder tests read back of one document: a caller's notifications (every page: the tests of a class share
 * a world, so a first page is not all) and the reminder events the bus carried (kept across reads: the queue behind
 * the bus hands each event out once).
 */
final class Delivered {
    private final ApiClient api;
    private final BusCapture bus;
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

    Delivered(ApiClient api, BusCapture bus) {
        this.api = api;
        this.bus = bus;
    }

    List<JsonNode> notifications(String token, String documentId) {
        List<JsonNode> mine = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, api.get("/notifications?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).token(token).send()).json();
            page.get("items").forEach(n -> {
                if (n.get("documentId").asText().equals(documentId)) {
                    mine.add(n);
                }
            });
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return mine;
    }

    List<JsonNode> events(String documentId) {
        events.addAll(bus.drain());
        return events.stream().filter(e -> e.get("detail").get("documentId").asText().equals(documentId)).toList();
    }
}
