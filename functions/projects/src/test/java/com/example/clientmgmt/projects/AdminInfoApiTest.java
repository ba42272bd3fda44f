package com.example.clientmgmt.projects;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.Cursors;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Informations admin" tab: budget visibility, partial updates, ETag/If-Match, close/reopen, history. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class AdminInfoApiTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    String info(String project) {
        return "/projects/" + project + "/admin-info";
    }

    @Test
    void limitedSeesEverythingButTheBudget() {
        JsonNode asLimited = expect(200, c.get(info(world.openProject)).token(world.lea).send()).json();
        assertFalse(asLimited.has("estimatedBudget"), asLimited::toString);
        assertEquals("Ville de Laval", asLimited.get("clientCompanyName").asText());
        JsonNode asAdmin = expect(200, c.get(info(world.openProject)).token(world.adam).send()).json();
        assertEquals("2500000.00", asAdmin.get("estimatedBudget").get("amount").asText());
        assertEquals("CAD", asAdmin.get("estimatedBudget").get("currency").asText());
    }

    /**
     * Two ADMINs PATCH different fields at the same moment, without If-Match, round after round: each answers 200 or
     * 409 (a concurrent change: nothing written), never anything else; every 200's change is there afterwards and every
     * 409's is not; the version counts the 200s; the history holds one entry per change that landed.
     */
    @Test
    void twoAdminsPatchingAtOnceLoseNoChangeAndWriteNoneTwice() throws Exception {
        String p = world.project("Deux admins en même temps", Map.of("adam", "ADMIN"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            long version = expect(200, c.get(info(p)).token(world.owner).send()).json().get("version").asLong();
            int landed = 0;
            java.time.LocalDate day = java.time.LocalDate.of(2027, 1, 1);
            for (int round = 0; round < 30; round++) {
                String start = day.plusDays(round).toString();
                String end = day.plusDays(400 + round).toString();
                JsonNode was = expect(200, c.get(info(p)).token(world.owner).send()).json();
                java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(2);
                var a = pool.submit(() -> { go.await(); return c.patch(info(p)).token(world.owner).body(Map.of("startDate", start)).send().status(); });
                var b = pool.submit(() -> { go.await(); return c.patch(info(p)).token(world.adam).body(Map.of("endDate", end)).send().status(); });
                int sa = a.get();
                int sb = b.get();
                assertTrue(java.util.Set.of(200, 409).contains(sa) && java.util.Set.of(200, 409).contains(sb), sa + "/" + sb);
                assertTrue(sa == 200 || sb == 200, "round " + round + ": one of them lands");
                JsonNode now = expect(200, c.get(info(p)).token(world.owner).send()).json();
                assertEquals(sa == 200 ? start : was.get("startDate").asText(), now.get("startDate").asText(), "round " + round);
                assertEquals(sb == 200 ? end : was.get("endDate").asText(), now.get("endDate").asText(), "round " + round);
                int ok = (sa == 200 ? 1 : 0) + (sb == 200 ? 1 : 0);
                landed += ok;
                assertEquals(version + landed, now.get("version").asLong(), "round " + round + ": one version per change");
            }
            int entries = 0;
            String cursor = null;
            do {
                JsonNode page = expect(200, c.get("/projects/" + p + "/admin-history?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                        .token(world.owner).send()).json();
                for (JsonNode entry : page.get("items")) {
                    entries += java.util.Set.of("startDate", "endDate").contains(entry.get("field").asText()) ? 1 : 0;
                }
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
            assertEquals(landed, entries, "one history entry per change that landed, none for a refused one");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoAdminsEditingDifferentFieldsKeepBothChanges() {
        String p = world.project("Deux admins", Map.of("adam", "ADMIN"));
        // both loaded version 1; neither sends If-Match
        expect(200, c.patch(info(p)).token(world.owner).body(Map.of("startDate", "2027-01-10")).send());
        JsonNode after = expect(200, c.patch(info(p)).token(world.adam).body(Map.of("endDate", "2027-06-30")).send()).json();
        assertEquals("2027-01-10", after.get("startDate").asText());
        assertEquals("2027-06-30", after.get("endDate").asText());
        assertEquals(3, after.get("version").asLong());
    }

    @Test
    void aBudgetOnlyChangeDoesNotMoveWhatLimitedSeesNotEvenItsVersionOrEtag() {
        String p = world.project("Budget discret", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        ApiClient.Response limitedBefore = expect(200, c.get(info(p)).token(world.lea).send());
        expect(200, c.patch(info(p)).token(world.adam).body(Map.of("estimatedBudget", Map.of("amount", "1000.00"))).send());
        expect(200, c.patch(info(p)).token(world.owner).body(Map.of("estimatedBudget", Map.of("amount", "2000.00"))).send());
        ApiClient.Response limitedAfter = expect(200, c.get(info(p)).token(world.lea).send());
        assertEquals(limitedBefore.header("ETag"), limitedAfter.header("ETag"), "LIMITED cannot tell that the budget changed");
        assertEquals(limitedBefore.text(), limitedAfter.text());
        for (String admin : List.of(world.adam, world.owner, world.boss)) {
            ApiClient.Response asAdmin = expect(200, c.get(info(p)).token(admin).send());
            assertEquals("\"3\"", asAdmin.header("ETag"), "ADMIN's version counts every change");
            assertEquals(3, asAdmin.json().get("version").asLong());
        }
        // an ADMIN's If-Match works as before: their ETag passes, LIMITED's older one does not
        expect(412, c.patch(info(p)).token(world.adam).header("If-Match", limitedAfter.header("ETag"))
                .body(Map.of("clientCompanyName", "Client")).send());
        ApiClient.Response renamed = expect(200, c.patch(info(p)).token(world.adam).header("If-Match", "\"3\"")
                .body(Map.of("clientCompanyName", "Client")).send());
        assertEquals("\"4\"", renamed.header("ETag"));
        ApiClient.Response limitedNow = expect(200, c.get(info(p)).token(world.lea).send());
        assertEquals("\"4\"", limitedNow.header("ETag"), "what LIMITED sees changed: their version catches up");
        assertEquals(4, limitedNow.json().get("version").asLong());
        assertFalse(limitedNow.json().has("estimatedBudget"));
        // nora (NONE) and another organization learn nothing, not even a version
        assertNull(expect(403, c.get(info(p)).token(world.nora).send()).header("ETag"));
        assertNull(expect(404, c.get(info(p)).token(world.outsider).send()).header("ETag"));
    }

    /**
     * The domain's caps keep every item far below DynamoDB's 400 KB (ItemSizeBudgetTest); should one still get there
     * (here a project item padded to the brink behind the API's back), a write that DynamoDB refuses for its size is a
     * clear 409 ITEM_TOO_LARGE in the caller's language, never a 500, and changes nothing.
     */
    @Test
    void aWriteDynamoDbRefusesForAnItemsSizeIsA409NotA500() {
        String p = world.project("Au bord", Map.of("adam", "ADMIN"));
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ORG#" + world.org + "#PROJECT#" + p),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROJECT"));
        // the largest padding DynamoDB (here the emulator, which counts its own way) still takes: the brink
        int taken = 0;
        int refused = 410_000;
        while (refused - taken > 100) {
            int size = (taken + refused) / 2;
            api.aws().dynamoDb().updateItem(u -> u.tableName(api.names().table()).key(key).updateExpression("REMOVE padding"));
            try {
                api.aws().dynamoDb().updateItem(u -> u.tableName(api.names().table()).key(key).updateExpression("SET padding = :p")
                        .expressionAttributeValues(Map.of(":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x".repeat(size)))));
                taken = size;
            } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException tooLarge) {
                refused = size;
            }
        }
        int brink = taken;
        api.aws().dynamoDb().updateItem(u -> u.tableName(api.names().table()).key(key).updateExpression("REMOVE padding"));
        api.aws().dynamoDb().updateItem(u -> u.tableName(api.names().table()).key(key).updateExpression("SET padding = :p")
                .expressionAttributeValues(Map.of(":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x".repeat(brink)))));
        JsonNode tooLarge = expect(409, c.patch(info(p)).token(world.adam).header("Accept-Language", "en")
                .body(Map.of("clientCompanyName", "\uD83D\uDE00".repeat(200))).send()).json();
        assertEquals("CONFLICT", tooLarge.get("code").asText());
        assertTrue(tooLarge.get("detail").asText().contains("largest size"), tooLarge::toString);
        assertTrue(expect(200, c.get(info(p)).token(world.adam).send()).json().get("clientCompanyName").isNull(), "nothing changed");
        assertTrue(expect(409, c.patch(info(p)).token(world.adam).header("Accept-Language", "fr")
                .body(Map.of("clientCompanyName", "\uD83D\uDE00".repeat(200))).send()).json().get("detail").asText().contains("taille maximale"));
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String p = world.project("Concurrence", Map.of("adam", "ADMIN"));
        ApiClient.Response read = expect(200, c.get(info(p)).token(world.adam).send());
        String etag = read.header("ETag");
        assertEquals("\"1\"", etag);
        ApiClient.Response first = expect(200, c.patch(info(p)).token(world.owner).header("If-Match", etag)
                .body(Map.of("clientCompanyName", "Premier")).send());
        assertNotEquals(etag, first.header("ETag"));
        ApiClient.Response stale = expect(412, c.patch(info(p)).token(world.adam).header("If-Match", etag)
                .body(Map.of("submissionDeadline", "2027-02-01")).send());
        assertEquals("VERSION_MISMATCH", stale.json().get("code").asText());
        JsonNode now = expect(200, c.get(info(p)).token(world.adam).send()).json();
        assertEquals("Premier", now.get("clientCompanyName").asText());
        assertTrue(now.get("submissionDeadline").isNull());
        expect(200, c.patch(info(p)).token(world.adam).header("If-Match", first.header("ETag"))
                .body(Map.of("submissionDeadline", "2027-02-01")).send());
    }

    @Test
    void closingFreezesTheProjectUntilAnAdminReopensIt() {
        String p = world.project("À fermer", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        expect(200, c.patch(info(p)).token(world.adam).body(Map.of("state", "CLOSED")).send());
        // members keep reading
        assertEquals("CLOSED", expect(200, c.get("/projects/" + p).token(world.lea).send()).json().get("state").asText());
        // nothing else can change
        assertEquals("PROJECT_CLOSED", expect(409, c.patch(info(p)).token(world.adam)
                .body(Map.of("clientCompanyName", "Autre")).send()).json().get("code").asText());
        expect(409, c.patch(info(p)).token(world.adam).body(Map.of("state", "ACTIVE", "startDate", "2027-01-01")).send());
        expect(409, c.put("/projects/" + p + "/members/zoe").token(world.adam).body(Map.of("permission", "LIMITED")).send());
        // LIMITED cannot reopen
        expect(403, c.patch(info(p)).token(world.lea).body(Map.of("state", "ACTIVE")).send());
        // ADMIN reopens, then writes work again
        assertEquals("ON_HOLD", expect(200, c.patch(info(p)).token(world.adam).body(Map.of("state", "ON_HOLD")).send())
                .json().get("state").asText());
        expect(200, c.patch(info(p)).token(world.adam).body(Map.of("clientCompanyName", "Autre")).send());
    }

    @Test
    void everyChangeIsInTheHistoryNewestFirstWithWhoWhenFromAndTo() {
        String p = world.project("Historique", Map.of("adam", "ADMIN"));
        expect(200, c.patch(info(p)).token(world.owner).body(Map.of("clientCompanyName", "A", "estimatedBudget", Map.of("amount", "100"))).send());
        Map<String, Object> second = new HashMap<>();
        second.put("clientCompanyName", "B");
        second.put("estimatedBudget", null);
        expect(200, c.patch(info(p)).token(world.adam).body(second).send());
        expect(200, c.patch(info(p)).token(world.adam).body(Map.of("state", "CLOSED")).send());

        JsonNode items = expect(200, c.get("/projects/" + p + "/admin-history").token(world.adam).send()).json().get("items");
        assertEquals(6, items.size(), items::toString);
        assertEquals("members.adam", items.get(5).get("field").asText(), "adam's permission, given when the project was made");
        assertEquals("state", items.get(0).get("field").asText());
        assertEquals("ACTIVE", items.get(0).get("from").asText());
        assertEquals("CLOSED", items.get(0).get("to").asText());
        assertEquals("adam", items.get(0).get("by").asText());
        assertEquals("clientCompanyName", items.get(1).get("field").asText());
        assertEquals("A", items.get(1).get("from").asText());
        assertEquals("B", items.get(1).get("to").asText());
        assertEquals("estimatedBudget", items.get(2).get("field").asText());
        assertEquals("100.00", items.get(2).get("from").get("amount").asText());
        assertTrue(items.get(2).get("to").isNull());
        assertEquals("owner", items.get(4).get("by").asText());
        assertNotNull(items.get(4).get("at").asText());
        assertTrue(items.get(0).get("at").asText().compareTo(items.get(4).get("at").asText()) >= 0);
    }

    @Test
    void historyPagesWithAnOpaqueCursor() {
        String p = world.project("Pages", Map.of());
        for (String name : new String[] {"A", "B", "C"}) {
            expect(200, c.patch(info(p)).token(world.owner).body(Map.of("clientCompanyName", name)).send());
        }
        StringBuilder seen = new StringBuilder();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = expect(200, c.get("/projects/" + p + "/admin-history?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(world.owner).send()).json();
            page.get("items").forEach(i -> seen.append(i.get("to").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals("CBA", seen.toString());
        assertEquals("BAD_CURSOR", expect(400, c.get("/projects/" + p + "/admin-history?cursor=bm9wZQ")
                .token(world.owner).send()).json().get("errors").get(0).get("code").asText());
    }

    @Test
    void anUnchangedPatchWritesNothing() {
        String p = world.project("Rien", Map.of());
        expect(200, c.patch(info(p)).token(world.owner).body(Map.of("clientCompanyName", "Même")).send());
        JsonNode again = expect(200, c.patch(info(p)).token(world.owner).body(Map.of("clientCompanyName", "Même")).send()).json();
        assertEquals(2, again.get("version").asLong());
        assertEquals(1, expect(200, c.get("/projects/" + p + "/admin-history").token(world.owner).send()).json().get("items").size());
    }

    /**
     * DynamoDB refuses a query whose start key is outside its key range (the emulator, scripts/emulator.py, does too):
     * a well-formed cursor past the history's range — a character beyond U+FFFF sorts after the range's end in
     * DynamoDB's UTF-8 order, though not in Java's UTF-16 one — is a 400, never a 500.
     */
    @Test
    void aHistoryCursorOutsideTheHistorysKeyRangeIsABadCursor() {
        String p = world.project("Curseurs", Map.of());
        expect(200, c.patch(info(p)).token(world.owner).body(Map.of("clientCompanyName", "A")).send());
        for (String outside : new String[] {"HISTORY#\uD83D\uDE00", "HISTORY#\uFFFF\uFFFF"}) {
            assertEquals("BAD_CURSOR", Cursors.errorCode(c.get("/projects/" + p + "/admin-history?cursor=" + Cursors.at(outside))
                    .token(world.owner).send()), outside);
        }
        JsonNode page = expect(200, c.get("/projects/" + p + "/admin-history?cursor=" + Cursors.at("HISTORY#9999999999999#x#99"))
                .token(world.owner).send()).json();
        assertEquals(1, page.get("items").size(), "inside the range, a foreign position just starts the page there");
    }

}
