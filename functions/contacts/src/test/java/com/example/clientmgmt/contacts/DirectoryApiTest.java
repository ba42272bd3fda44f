package com.example.clientmgmt.contacts;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.Cursors;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory ("Bottin"): who may add and edit, search, licences, isolation, bad input. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class DirectoryApiTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    static String add(String token, Map<String, Object> person) {
        return expect(201, c.post("/directory/people").token(token).body(person).send()).json().get("id").asText();
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    /** Names at the length limit made of characters outside the BMP: the sort key and search words are cut whole. */
    @Test
    void namesOfEmojiOrMathematicalLettersAtTheLimitAreStoredSearchedAndEdited() {
        String emoji = "a" + "\uD83D\uDE00".repeat(199); // 200 characters, 399 UTF-16 units
        String math = "a" + "\uD835\uDC00".repeat(20) + " Tremblay"; // a word longer than the search index keeps
        for (String name : List.of(emoji, math)) {
            JsonNode added = expect(201, c.post("/directory/people").token(world.owner).body(Map.of("name", name)).send()).json();
            assertEquals(name, added.get("name").asText());
            String id = added.get("id").asText();
            JsonNode edited = expect(200, c.patch("/directory/people/" + id).token(world.owner)
                    .body(Map.of("company", "Cie \uD83D\uDE00")).send()).json();
            assertEquals(name, edited.get("name").asText());
        }
        assertTrue(names(expect(200, c.get("/directory/people?query=a" + "%F0%9F%98%80".repeat(3))
                .token(world.owner).send()).json()).contains(emoji));
        assertTrue(names(expect(200, c.get("/directory/people?query=tremblay").token(world.owner).send()).json()).contains(math));
        expect(400, c.post("/directory/people").token(world.owner).body(Map.of("name", "a" + "\uD83D\uDE00".repeat(200))).send());
        // half a character (a lone surrogate escape) is not text: 400, never 500 or 409
        for (String body : List.of("{\"name\": \"\\ud800\"}", "{\"name\": \"a\\udc00b\"}", "{\"name\": \"x\\ud83d\"}")) {
            JsonNode refused = expect(400, c.post("/directory/people").token(world.owner).body(body).send()).json();
            assertEquals("NOT_UNICODE", refused.get("errors").get(0).get("code").asText(), body);
        }
    }

    /** People with several words matching the query appear once, in name order, across pages. */
    @Test
    void searchListsEachPersonOnceInNameOrderAcrossPages() {
        World w = new World(c);
        List<String> expected = new ArrayList<>();
        for (String name : List.of("Qwertz Qwertzbach", "Qwertzia Qwertzmann", "Élodie Qwertzy", "Ann Qwertzer", "Zoé Qwertzel")) {
            expect(201, c.post("/directory/people").token(w.owner).body(Map.of("name", name, "company", "Qwertz inc.")).send());
            expected.add(name);
        }
        expected.sort(java.util.Comparator.comparing(n -> com.example.clientmgmt.domain.SearchText.fold(n)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = expect(200, c.get("/directory/people?query=qwertz&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(w.owner).send()).json();
            seen.addAll(names(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen, "each once, in name order");
        assertEquals(3, pages);
    }

    @Test
    void orgAdminsAndProjectAdminsAddPeopleOthersCannot() {
        JsonNode added = expect(201, c.post("/directory/people").token(world.owner).body(Map.of("name", "Jean Roy",
                "company", "Roy Électrique", "email", "jean@roy.ca", "phone", "+1 450 555-0100 poste 12")).send()).json();
        assertEquals("NONE", added.get("licence").asText());
        assertEquals("Roy Électrique", added.get("company").asText());
        add(world.adam, Map.of("name", "Ajouté par un ADMIN de projet"));
        assertEquals("FORBIDDEN", expect(403, c.post("/directory/people").token(world.lea).body(Map.of("name", "X")).send())
                .json().get("code").asText());
        expect(403, c.post("/directory/people").token(world.nora).body(Map.of("name", "X")).send());
        expect(401, c.post("/directory/people").body(Map.of("name", "X")).send());
        // every member of the organization reads the directory
        expect(200, c.get("/directory/people").token(world.nora).send());
        expect(200, c.get("/directory/people/" + added.get("id").asText()).token(world.lea).send());
    }

    @Test
    void searchIgnoresCaseAndAccentsAndFindsWordStartsInNameOrCompany() {
        String org = "search-" + System.nanoTime();
        String boss = c.token("boss", org, true);
        add(boss, Map.of("name", "Élise Tremblay", "company", "Béton Laval"));
        add(boss, Map.of("name", "Éric Gagnon", "company", "Tremblay Construction"));
        add(boss, Map.of("name", "Marc Lisée"));
        assertEquals(List.of("Élise Tremblay"), names(expect(200, c.get("/directory/people?query=elise").token(boss).send()).json()));
        assertEquals(List.of("Élise Tremblay", "Éric Gagnon"), names(expect(200, c.get("/directory/people?query=TREMB").token(boss).send()).json()));
        assertEquals(List.of("Élise Tremblay"), names(expect(200, c.get("/directory/people?query=beton").token(boss).send()).json()));
        assertEquals(List.of("Élise Tremblay"), names(expect(200, c.get("/directory/people?query=trem%20%C3%A9li").token(boss).send()).json()));
        assertEquals(List.of(), names(expect(200, c.get("/directory/people?query=lise%20gagnon").token(boss).send()).json()));
        assertEquals(List.of("Élise Tremblay"), names(expect(200, c.get("/directory/people?query=tremblay%2C%20elise").token(boss).send()).json()),
                "a comma is part of the text, not a list of queries");
        assertEquals(List.of("Éric Gagnon", "Élise Tremblay", "Marc Lisée").size(),
                names(expect(200, c.get("/directory/people").token(boss).send()).json()).size());
        // another organization sees none of them
        assertEquals(List.of(), names(expect(200, c.get("/directory/people?query=elise").token(world.outsider).send()).json()));
    }

    @Test
    void theDirectoryListsInNameOrderWithACursor() {
        String org = "list-" + System.nanoTime();
        String boss = c.token("boss", org, true);
        for (String name : List.of("Zoé Roy", "amélie Côté", "Bruno Lévesque", "Émile Bédard", "Chloé Nadeau")) {
            add(boss, Map.of("name", name));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, c.get("/directory/people?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).token(boss).send()).json();
            seen.addAll(names(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(List.of("amélie Côté", "Bruno Lévesque", "Chloé Nadeau", "Émile Bédard", "Zoé Roy"), seen);
    }

    @Test
    void editingAPersonUpdatesSearch() {
        String org = "edit-" + System.nanoTime();
        String boss = c.token("boss", org, true);
        String id = add(boss, Map.of("name", "Julie Fortin", "email", "julie@fortin.ca"));
        Map<String, Object> change = new HashMap<>();
        change.put("name", "Julie Fortin-Dubé");
        change.put("email", null);
        JsonNode edited = expect(200, c.patch("/directory/people/" + id).token(boss).body(change).send()).json();
        assertTrue(edited.get("email").isNull());
        assertEquals(List.of("Julie Fortin-Dubé"), names(expect(200, c.get("/directory/people?query=dube").token(boss).send()).json()));
        expect(403, c.patch("/directory/people/" + id).token(c.token("someone", org, false)).body(Map.of("name", "X")).send());
        // a project ADMIN adds people but does not change anybody's details (SPEC: organization admins do)
        String projectAdmin = c.token("pa", org, false);
        String p = expect(201, c.post("/projects").token(boss).body(Map.of("name", "P")).send()).json().get("id").asText();
        expect(200, c.put("/projects/" + p + "/members/pa").token(boss).body(Map.of("permission", "ADMIN")).send());
        String own = add(projectAdmin, Map.of("name", "Ajouté par pa"));
        assertEquals("FORBIDDEN", expect(403, c.patch("/directory/people/" + own).token(projectAdmin).body(Map.of("name", "X")).send())
                .json().get("code").asText());
        expect(404, c.patch("/directory/people/" + id).token(world.outsider).body(Map.of("name", "X")).send());
    }

    @Test
    void licences() {
        String id = add(world.owner, Map.of("name", "Client Licencié"));
        String licence = "/directory/people/" + id + "/licence";
        assertEquals("FREE", expect(200, c.put(licence).token(world.adam).body(Map.of("licence", "FREE")).send()).json().get("licence").asText());
        assertEquals("FORBIDDEN", expect(403, c.put(licence).token(world.adam).body(Map.of("licence", "STANDARD")).send()).json().get("code").asText());
        expect(403, c.put(licence).token(world.lea).body(Map.of("licence", "NONE")).send());
        expect(200, c.put(licence).token(world.owner).body(Map.of("licence", "STANDARD")).send());
        expect(403, c.put(licence).token(world.adam).body(Map.of("licence", "FREE")).send());
        expect(200, c.put(licence).token(world.owner).body(Map.of("licence", "NONE")).send());
        assertEquals("NONE", expect(200, c.get("/directory/people/" + id).token(world.lea).send()).json().get("licence").asText());
        expect(404, c.put(licence).token(world.outsider).body(Map.of("licence", "FREE")).send());
        expect(400, c.put(licence).token(world.owner).body(Map.of("licence", "GOLD")).send());
        // every licence change is in the person's history (organization admins read it)
        JsonNode history = expect(200, c.get("/directory/people/" + id + "/history").token(world.owner).send()).json().get("items");
        List<String> changes = new ArrayList<>();
        history.forEach(h -> changes.add(h.get("by").asText() + ":" + h.get("field").asText() + ":" + h.get("from").asText() + "->" + h.get("to").asText()));
        assertEquals(List.of("owner:licence:STANDARD->NONE", "owner:licence:FREE->STANDARD", "adam:licence:NONE->FREE"), changes);
        JsonNode first = expect(200, c.get("/directory/people/" + id + "/history?limit=1").token(world.owner).send()).json();
        assertEquals(1, first.get("items").size());
        JsonNode second = expect(200, c.get("/directory/people/" + id + "/history?limit=2&cursor=" + first.get("nextCursor").asText())
                .token(world.owner).send()).json();
        assertEquals(2, second.get("items").size());
        assertEquals("adam", second.get("items").get(1).get("by").asText());
        expect(403, c.get("/directory/people/" + id + "/history").token(world.adam).send());
        expect(404, c.get("/directory/people/" + id + "/history").token(world.outsider).send());
        expect(404, c.get("/directory/people/01ARZ3NDEKTSV4RRFFQ69G5FAV/history").token(world.owner).send());
        expect(400, c.get("/directory/people/" + id + "/history?cursor=bm9wZQ").token(world.owner).send());
    }

    @Test
    void badInputIsA400NamingTheField() {
        record Case(Object body, String field, String code) {}
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        for (Case k : List.of(
                new Case(Map.of(), "name", "REQUIRED"),
                new Case(Map.of("name", ""), "name", "BLANK"),
                new Case(nullName, "name", "REQUIRED"),
                new Case(Map.of("name", "x".repeat(10_240)), "name", "TOO_LONG"),
                new Case(Map.of("name", 42), "name", "NOT_A_STRING"),
                new Case(Map.of("name", "A", "email", "pas-un-courriel"), "email", "BAD_EMAIL"),
                new Case(Map.of("name", "A", "phone", "call me"), "phone", "BAD_PHONE"),
                new Case(Map.of("name", "A", "licence", "FREE"), "licence", "UNKNOWN_FIELD"),
                new Case("{oops", "body", "MALFORMED_JSON"))) {
            JsonNode p = expect(400, c.post("/directory/people").token(world.owner).body(k.body()).send()).json();
            assertEquals("VALIDATION_FAILED", p.get("code").asText());
            boolean found = false;
            for (JsonNode e : p.get("errors")) {
                found |= e.get("field").asText().equals(k.field()) && e.get("code").asText().equals(k.code());
            }
            assertTrue(found, () -> k + " -> " + p);
        }
        expect(404, c.get("/directory/people/nope").token(world.owner).send());
        expect(400, c.get("/directory/people?cursor=zz").token(world.owner).send());
    }

    @Test
    void aNameOfManyWordsIsAcceptedAndFoundByItsFirstWords() {
        // 120 distinct words: more than one DynamoDB transaction could index
        StringBuilder name = new StringBuilder("Zéphyrin");
        StringBuilder company = new StringBuilder("Ent");
        for (int i = 0; i < 60; i++) {
            name.append(' ').append((char) ('a' + i / 26)).append((char) ('a' + i % 26));
            company.append(' ').append((char) ('k' + i / 26)).append((char) ('a' + i % 26));
        }
        String id = add(world.owner, Map.of("name", name.toString(), "company", company.toString()));
        assertTrue(names(expect(200, c.get("/directory/people?query=zephyrin").token(world.owner).send()).json()).contains(name.toString()));
        expect(200, c.patch("/directory/people/" + id).token(world.owner).body(Map.of("name", name + " fin")).send());
    }

    @Test
    void aHostileNameIsStoredAndShownBackAsTyped() {
        String name = "Robert'); DROP TABLE--  <script>alert(1)</script> 🏗️ ../..";
        String id = add(world.owner, Map.of("name", name));
        assertEquals(name, expect(200, c.get("/directory/people/" + id).token(world.owner).send()).json().get("name").asText());
    }

    /** A person's history is a key range of the person's partition: a well-formed cursor past it is a 400, never a 500. */
    @Test
    void aPersonHistoryCursorOutsideItsKeyRangeIsABadCursorAndTheDirectorysForeignCursorsAnswerAPage() {
        String id = expect(201, c.post("/directory/people").token(world.owner).body(Map.of("name", "Hors Plage")).send())
                .json().get("id").asText();
        for (String outside : new String[] {"HISTORY#\uD83D\uDE00", "HISTORY#\uFFFF\uFFFF"}) {
            assertEquals("BAD_CURSOR", Cursors.errorCode(c.get("/directory/people/" + id + "/history?cursor=" + Cursors.at(outside))
                    .token(world.owner).send()), outside);
        }
        expect(200, c.get("/directory/people/" + id + "/history?cursor=" + Cursors.at("HISTORY#0000000000000#x#99")).token(world.owner).send());
        expect(200, c.get("/directory/people?cursor=" + Cursors.at("zzz#01ARZ3NDEKTSV4RRFFQ69G5FAV")).token(world.owner).send());
    }

}
