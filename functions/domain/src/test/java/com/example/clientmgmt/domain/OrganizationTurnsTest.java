package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work items of one organization each, at most 25 reminders, the organizations taking turns. */
class OrganizationTurnsTest {
    @Test
    void aBigOrganizationListedFirstDelaysASmallOneByOneItemNotByItsBurst() {
        OrganizationTurns<Integer> turns = new OrganizationTurns<>(25);
        for (int i = 0; i < 1000; i++) {
            turns.add("big", i);
        }
        turns.add("small", -1);
        turns.add("small", -2);
        List<OrganizationTurns.Item<Integer>> items = turns.drain();
        assertEquals(40 + 1, items.size());
        assertEquals("small", items.get(0).organizationId(), "the small organization, listed last, goes first");
        assertEquals(List.of(-1, -2), items.get(0).reminders());
        assertEquals("big", items.get(1).organizationId());
        assertEquals(0, turns.waiting());
        assertTrue(turns.drain().isEmpty());
    }

    @Test
    void everyReminderIsHandedOutOnceInItsOrganizationsOrderAndNoItemMixesOrganizations() {
        OrganizationTurns<String> turns = new OrganizationTurns<>(3);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String org = "o" + (i % 3 == 0 ? 1 : i % 7);
            turns.add(org, org + ":" + i);
            added.add(org + ":" + i);
        }
        assertEquals(20, turns.waiting());
        List<String> handed = new ArrayList<>();
        for (OrganizationTurns.Item<String> item : turns.drain()) {
            assertTrue(item.reminders().size() >= 1 && item.reminders().size() <= 3, item::toString);
            item.reminders().forEach(r -> assertTrue(r.startsWith(item.organizationId() + ":"), item::toString));
            handed.addAll(item.reminders());
        }
        assertEquals(added.stream().sorted().toList(), handed.stream().sorted().toList());
        // within an organization, the listing order is kept
        for (String org : List.of("o1", "o2", "o3", "o4", "o5", "o6")) {
            assertEquals(added.stream().filter(r -> r.startsWith(org + ":")).toList(),
                    handed.stream().filter(r -> r.startsWith(org + ":")).toList());
        }
    }

    @Test
    void organizationsTakeTurnsRoundByRoundTheFewestWaitingFirst() {
        OrganizationTurns<Integer> turns = new OrganizationTurns<>(2);
        for (int i = 0; i < 5; i++) {
            turns.add("a", i);
        }
        for (int i = 0; i < 3; i++) {
            turns.add("b", i);
        }
        turns.add("c", 0);
        turns.add("d", 0);
        // round 1: c and d (1 each, in listing order), b (3), a (5); round 2: b (1 left), a (3); round 3: a
        assertEquals(List.of("c", "d", "b", "a", "b", "a", "a"), turns.drain().stream().map(OrganizationTurns.Item::organizationId).toList());
        assertThrows(IllegalArgumentException.class, () -> new OrganizationTurns<>(0));
    }
}
