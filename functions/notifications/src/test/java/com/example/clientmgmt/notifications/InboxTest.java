package com.example.clientmgmt.notifications;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Notification;
import com.example.clientmgmt.storage.Keys;
import com.example.clientmgmt.storage.notifications.NotificationItem;
import com.example.clientmgmt.storage.notifications.NotificationStore;
import com.example.clientmgmt.storage.notifications.UnreadBackfill;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox as its recipient may see it now: notifications of projects they can no longer read are hidden and not
 * counted; the unread count reads the unread list only and says "99+" beyond 99; "mark all read" works in bounded steps
 * (here 10 per step, 2 steps per request) and stays right when cut short or racing new notifications.
 */
@Tag("integration") // needs the emulator: not in scripts/test-fast
class InboxTest {
    @RegisterExtension
    static TestApi api = new TestApi().withProperty("notifications.read-all.step", 10).withProperty("notifications.read-all.steps", 2);
    static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    /** Writes {@code count} unread notifications of {@code projectId} for {@code userId}, as the sweep would; their ids. */
    static List<String> notify(String userId, String projectId, int count) {
        List<String> ids = new ArrayList<>();
        List<TransactWriteItem> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = Instant.ofEpochMilli(CLOCK.addAndGet(1000));
            String documentId = Ids.newId(at);
            Notification n = new Notification(NotificationItem.id(at, documentId, 1), Notification.DOCUMENT_REMINDER, "Org", projectId,
                    "Projet", documentId, "Police " + i, DocumentKind.INSURANCE, LocalDate.of(2030, 2, 1), null, LocalDate.of(2030, 1, 1), at, false);
            writes.add(NotificationItem.put(api.names().table(), world.org, userId, n, "test/" + n.id()));
            ids.add(n.id());
            if (writes.size() == 100 || i == count - 1) {
                api.aws().dynamoDb().transactWriteItems(b -> b.transactItems(writes));
                writes.clear();
            }
        }
        return ids;
    }

    static JsonNode list(String token, String query) {
        return expect(200, c.get("/notifications" + query).token(token).send()).json();
    }

    static Set<String> idsOf(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void aDemotedMemberNoLongerSeesNorCountsNorMarksTheProjectsNotificationsUntilPromotedAgain() {
        String user = "demoted-" + Long.toString(System.nanoTime(), 36);
        String token = c.token(user, world.org, false);
        String kept = world.project("Gardé", Map.of(user, "ADMIN"));
        String lost = world.project("Perdu", Map.of(user, "ADMIN", "adam", "ADMIN"));
        List<String> keptIds = notify(user, kept, 2);
        List<String> lostIds = notify(user, lost, 3);
        assertEquals(5, list(token, "").get("unreadCount").asInt());

        expect(200, c.put("/projects/" + lost + "/members/" + user).token(world.owner).body(Map.of("permission", "NONE")).send());
        for (String query : List.of("", "?unread=true", "?limit=1")) {
            JsonNode page = list(token, query);
            assertTrue(keptIds.containsAll(idsOf(page)), "only the readable project's: " + page);
            assertEquals(2, page.get("unreadCount").asInt(), query);
            assertFalse(page.get("unreadCountCapped").asBoolean());
        }
        assertFalse(list(token, "").toString().contains("Perdu"));
        expect(404, c.post("/notifications/" + lostIds.get(0) + "/read").token(token).send());
        expect(204, c.post("/notifications/" + keptIds.get(0) + "/read").token(token).send());

        // LIMITED reads the project again: its notifications show again, unread as they were
        expect(200, c.put("/projects/" + lost + "/members/" + user).token(world.owner).body(Map.of("permission", "LIMITED")).send());
        JsonNode again = list(token, "?unread=true");
        assertEquals(4, again.get("unreadCount").asInt());
        assertTrue(idsOf(again).containsAll(lostIds));
        // the organization's admins see every project: nothing of theirs is hidden
        String boss = c.token(user, world.org, true);
        assertEquals(4, list(boss, "").get("unreadCount").asInt());
        // another organization's user with the same id has an inbox of their own
        assertEquals(0, list(c.token(user, world.org + "-other", false), "").get("items").size());
    }

    /** The unread list's cursor is vetted as the full list's: a forged one is a 400, a well-formed one stays in the caller's own list. */
    @Test
    void aForgedUnreadCursorIsABadCursorAndAWellFormedOneReadsOnlyTheCallersOwnList() {
        String user = "cursor-" + Long.toString(System.nanoTime(), 36);
        String token = c.token(user, world.org, false);
        String project = world.project("Curseur", Map.of(user, "ADMIN"));
        List<String> ids = notify(user, project, 3);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        for (String forged : List.of("xyz", b64.encodeToString("NOTIF#1".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("ORG#" + world.org + "#UNREAD#adam").getBytes(StandardCharsets.UTF_8)))) {
            JsonNode refused = expect(400, c.get("/notifications?unread=true&cursor=" + forged).token(token).send()).json();
            assertEquals("BAD_CURSOR", refused.get("errors").get(0).get("code").asText(), forged);
        }
        String afterNewest = b64.encodeToString(ids.get(2).getBytes(StandardCharsets.UTF_8));
        JsonNode rest = list(token, "?unread=true&cursor=" + afterNewest);
        assertEquals(Set.copyOf(ids.subList(0, 2)), idsOf(rest), "the next ones of the caller's own unread list");
        String otherUsers = c.token("adam", world.org, false);
        assertTrue(java.util.Collections.disjoint(idsOf(list(otherUsers, "?unread=true&cursor=" + afterNewest)), ids),
                "another user's cursor position reads their own list, never this one");
    }

    @Test
    void theUnreadCountIsExactUpTo99ThenSays99Plus() {
        String user = "busy-" + Long.toString(System.nanoTime(), 36);
        String token = c.token(user, world.org, false);
        String project = world.project("Chargé", Map.of(user, "ADMIN"));
        notify(user, project, 99);
        JsonNode exact = list(token, "?limit=5");
        assertEquals(99, exact.get("unreadCount").asInt());
        assertFalse(exact.get("unreadCountCapped").asBoolean());
        notify(user, project, 1);
        JsonNode capped = list(token, "?limit=5");
        assertEquals(99, capped.get("unreadCount").asInt());
        assertTrue(capped.get("unreadCountCapped").asBoolean(), "99+");
        assertEquals(5, capped.get("items").size());
    }

    @Test
    void markAllReadGoesInBoundedStepsAndACutShortRequestLosesNothing() {
        String user = "reader-" + Long.toString(System.nanoTime(), 36);
        String token = c.token(user, world.org, false);
        String project = world.project("Lu", Map.of(user, "ADMIN"));
        String hidden = world.project("Caché", Map.of());
        List<String> ids = notify(user, project, 45);
        notify(user, hidden, 3);
        // a request that died after marking some: they stay marked, and the next one goes on from there
        NotificationStore store = api.context().getBean(NotificationStore.class);
        Caller caller = new Caller(user, world.org, false);
        for (String id : ids.subList(0, 7)) {
            assertTrue(store.markReadIfUnread(caller, id));
        }
        assertEquals(38, list(token, "").get("unreadCount").asInt());
        JsonNode first = expect(200, c.post("/notifications/read-all").token(token).send()).json();
        assertTrue(first.get("more").asBoolean(), first::toString);
        JsonNode second = expect(200, c.post("/notifications/read-all").token(token).send()).json();
        JsonNode third = expect(200, c.post("/notifications/read-all").token(token).send()).json();
        assertFalse(third.get("more").asBoolean(), third::toString);
        assertEquals(38, first.get("marked").asInt() + second.get("marked").asInt() + third.get("marked").asInt(),
                "each visible one counted once; the hidden ones are marked read but not counted");
        assertTrue(first.get("marked").asInt() <= 20, "at most 2 steps of 10 per request");
        assertEquals(0, list(token, "").get("unreadCount").asInt());
        JsonNode none = expect(200, c.post("/notifications/read-all").token(token).send()).json();
        assertEquals(0, none.get("marked").asInt());
        assertFalse(none.get("more").asBoolean());
    }

    @Test
    void notificationsArrivingWhileAllAreMarkedReadAreEitherReadOrCountedNeverLost() throws Exception {
        String user = "racing-" + Long.toString(System.nanoTime(), 36);
        String token = c.token(user, world.org, false);
        String project = world.project("Course", Map.of(user, "ADMIN"));
        notify(user, project, 15);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Future<?> writing = pool.submit(() -> notify(user, project, 5));
                Future<Integer> marking = pool.submit(() -> {
                    int marked = 0;
                    JsonNode r;
                    do {
                        r = expect(200, c.post("/notifications/read-all").token(token).send()).json();
                        marked += r.get("marked").asInt();
                    } while (r.get("more").asBoolean());
                    return marked;
                });
                writing.get();
                marking.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // every notification is read, or unread and in the unread list: the count is exactly what is left
        int unread = 0;
        String cursor = null;
        do {
            JsonNode page = list(token, "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode n : page.get("items")) {
                unread += n.get("read").asBoolean() ? 0 : 1;
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(unread, list(token, "").get("unreadCount").asInt());
        assertEquals(unread, list(token, "?unread=true&limit=100").get("items").size());
    }

    @Test
    void unreadNotificationsWrittenBeforeTheUnreadListExistedAreListedByTheMigrationOnce() {
        String user = "old-" + Long.toString(System.nanoTime(), 36);
        String token = c.token(user, world.org, false);
        String project = world.project("Ancien", Map.of(user, "ADMIN"));
        List<String> ids = notify(user, project, 3);
        // as the previous version wrote them: no place in the unread list; one of them read
        for (String id : ids) {
            api.aws().dynamoDb().updateItem(b -> b.tableName(api.names().table())
                    .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.notificationsPk(world.org, user)),
                            Keys.SK, AttributeValue.fromS(Keys.NOTIFICATION_PREFIX + id)))
                    .updateExpression("REMOVE lpk, lsk" + (id.equals(ids.get(0)) ? " SET #read = :true" : ""))
                    .expressionAttributeNames(id.equals(ids.get(0)) ? Map.of("#read", "read") : null)
                    .expressionAttributeValues(id.equals(ids.get(0)) ? Map.of(":true", AttributeValue.fromBool(true)) : null));
        }
        assertEquals(0, list(token, "").get("unreadCount").asInt(), "before the migration they would count as read");
        List<String> progress = new ArrayList<>();
        UnreadBackfill.Report report = new UnreadBackfill(api.aws().dynamoDb(), api.names().table()).run(progress::add);
        assertTrue(report.listed() >= 2, report::toString);
        assertFalse(progress.isEmpty());
        assertEquals(2, list(token, "").get("unreadCount").asInt(), "the two unread ones, not the read one");
        UnreadBackfill.Report again = new UnreadBackfill(api.aws().dynamoDb(), api.names().table()).run(progress::add);
        assertEquals(0, again.listed(), "run again: nothing left to do");
        assertEquals(2, list(token, "").get("unreadCount").asInt());
    }
}
