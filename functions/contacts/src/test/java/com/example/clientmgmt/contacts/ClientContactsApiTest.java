package com.example.clientmgmt.contacts;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.PermissionMatrix;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Contacts client" tab: permission matrix, licence rule, roles, replace/clear, live details, history. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ClientContactsApiTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static World world;
    static ApiClient c;
    static String licensed;
    static String unlicensed;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        licensed = person("Élise Tremblay", "FREE");
        unlicensed = person("Sans Licence", null);
    }

    static String person(String name, String licence) {
        String id = expect(201, c.post("/directory/people").token(world.owner)
                .body(Map.of("name", name, "company", "Ville de Laval", "email", "contact@laval.ca")).send()).json().get("id").asText();
        if (licence != null) {
            expect(200, c.put("/directory/people/" + id + "/licence").token(world.owner).body(Map.of("licence", licence)).send());
        }
        return id;
    }

    static String contacts(String project) {
        return "/projects/" + project + "/client-contacts";
    }

    /** Runs both calls at once (released together), returns their statuses. */
    static int[] together(ApiClient.Call a, ApiClient.Call b) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> { start.await(); return a.send().status(); });
            var fb = pool.submit(() -> { start.await(); return b.send().status(); });
            return new int[] {fa.get(), fb.get()};
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The licence rule under races (issue: a person edit rewrote contactOf from what it had read): an edit
     * racing a contact assignment never erases the link, and one racing a removal never brings it back.
     * After every round the rule holds: a current contact keeps a licence; a person who is nobody's contact
     * can lose theirs.
     */
    @Test
    void theLicenceRuleHoldsWhenAPersonEditRacesAContactChange() throws Exception {
        String project = world.project("Course " + System.nanoTime(), Map.of("adam", "ADMIN"));
        int violations = 0;
        int assignments = 0;
        int removals = 0;
        List<String> statuses = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            String id = person("Course " + round, "FREE");
            int[] assigned = together(
                    c.patch("/directory/people/" + id).token(world.owner).body(Map.of("name", "Course " + round + " bis")),
                    c.put(contacts(project) + "/billing").token(world.owner).body(Map.of("personId", id)));
            statuses.add(assigned[0] + "/" + assigned[1]);
            // the documented answers only: each succeeds, or is refused as a concurrent change
            assertTrue(Set.of(200, 409).contains(assigned[0]) && Set.of(200, 409).contains(assigned[1]), statuses::toString);
            boolean isContact = id.equals(billingOf(project));
            assertEquals(assigned[1] == 200, isContact, "the contact is who the PUT says it set, round " + round);
            int licence = c.put("/directory/people/" + id + "/licence").token(world.owner).body(Map.of("licence", "NONE")).send().status();
            if (licence != (isContact ? 409 : 200)) {
                violations++;
            }
            if (!isContact) {
                continue; // the licence is gone: nothing left to race in this round
            }
            assignments++;
            int[] removed = together(
                    c.patch("/directory/people/" + id).token(world.owner).body(Map.of("name", "Course " + round + " ter")),
                    c.delete(contacts(project) + "/billing").token(world.owner));
            statuses.add(removed[0] + "/" + removed[1]);
            assertTrue(Set.of(200, 409).contains(removed[0]) && Set.of(204, 409).contains(removed[1]), statuses::toString);
            boolean stillContact = id.equals(billingOf(project));
            assertEquals(removed[1] != 204, stillContact, "the DELETE's answer is what happened, round " + round);
            if (c.put("/directory/people/" + id + "/licence").token(world.owner).body(Map.of("licence", "NONE")).send().status()
                    != (stillContact ? 409 : 200)) {
                violations++;
            }
            if (stillContact) {
                expect(204, c.delete(contacts(project) + "/billing").token(world.owner).send());
            } else {
                removals++;
            }
        }
        assertEquals(0, violations, "rounds where the licence rule broke");
        assertTrue(assignments > 0 && removals > 0, "both races ran with the contact change landing: " + statuses);
    }

    /** The person in the project's billing role, or null. */
    String billingOf(String project) {
        JsonNode billing = expect(200, c.get(contacts(project)).token(world.owner).send()).json().get("billing");
        return billing == null || billing.isNull() ? null : billing.get("id").asText();
    }

    record Route(String name, Function<String, ApiClient.Call> call, int limitedOpen, int adminOpen, int adminClosed) {}

    @TestFactory
    List<DynamicTest> permissionMatrix() {
        List<Route> routes = List.of(
                new Route("GET contacts", p -> c.get(contacts(p)), 200, 200, 200),
                new Route("PUT contact", p -> c.put(contacts(p) + "/billing").body(Map.of("personId", licensed)), 403, 200, 409),
                new Route("DELETE contact", p -> c.delete(contacts(p) + "/execution"), 403, 204, 409));
        List<DynamicTest> tests = new ArrayList<>();
        for (Route r : routes) {
            for (boolean closed : new boolean[] {false, true}) {
                String p = closed ? world.closedProject : world.openProject;
                String s = closed ? "closed" : "open";
                tests.add(PermissionMatrix.noCaller(r.name() + " / " + s, r.call().apply(p)));
                tests.add(PermissionMatrix.expect(r.name() + " / other organization / " + s, r.call().apply(p).token(world.outsider), 404));
                tests.add(PermissionMatrix.expect(r.name() + " / NONE / " + s, r.call().apply(p).token(world.nora), 403));
                tests.add(PermissionMatrix.expect(r.name() + " / LIMITED / " + s, r.call().apply(p).token(world.lea), r.limitedOpen()));
                tests.add(PermissionMatrix.expect(r.name() + " / ADMIN / " + s, r.call().apply(p).token(world.adam), closed ? r.adminClosed() : r.adminOpen()));
                tests.add(PermissionMatrix.expect(r.name() + " / organization admin, not a member / " + s, r.call().apply(p).token(world.boss),
                        closed ? r.adminClosed() : r.adminOpen()));
            }
        }
        return tests;
    }

    @Test
    void aPersonWithoutLicenceIsRefusedWithAHintAboutTheFreeLicence() {
        String p = world.project("Licence requise", Map.of());
        JsonNode refused = expect(422, c.put(contacts(p) + "/submission").token(world.owner).body(Map.of("personId", unlicensed)).send()).json();
        assertEquals("LICENCE_REQUIRED", refused.get("code").asText());
        assertTrue(refused.get("detail").asText().contains("free licence"), refused::toString);
        JsonNode fr = expect(422, c.put(contacts(p) + "/submission").token(world.owner).header("Accept-Language", "fr-CA")
                .body(Map.of("personId", unlicensed)).send()).json();
        assertTrue(fr.get("detail").asText().contains("licence gratuite"), fr::toString);
        // the fix the message suggests works: give the free licence, then choose them
        expect(200, c.put("/directory/people/" + unlicensed + "/licence").token(world.adam).body(Map.of("licence", "FREE")).send());
        expect(200, c.put(contacts(p) + "/submission").token(world.owner).body(Map.of("personId", unlicensed)).send());
        assertEquals("Sans Licence", expect(200, c.get(contacts(p)).token(world.owner).send()).json()
                .get("submission").get("name").asText());
    }

    @Test
    void onePersonMayHoldSeveralRolesAndReadsShowTheirCurrentDetails() {
        String p = world.project("Rôles", Map.of("lea", "LIMITED"));
        String elise = person("Élise Roy", "FREE");
        String marc = person("Marc Roy", "STANDARD");
        expect(200, c.put(contacts(p) + "/submission").token(world.owner).body(Map.of("personId", elise)).send());
        expect(200, c.put(contacts(p) + "/billing").token(world.owner).body(Map.of("personId", elise)).send());
        expect(200, c.put(contacts(p) + "/execution").token(world.owner).body(Map.of("personId", marc)).send());
        // replace, then clear
        expect(200, c.put(contacts(p) + "/billing").token(world.owner).body(Map.of("personId", marc)).send());
        expect(204, c.delete(contacts(p) + "/execution").token(world.owner).send());
        expect(204, c.delete(contacts(p) + "/execution").token(world.owner).send());
        // a later edit of the person shows up without touching the project
        expect(200, c.patch("/directory/people/" + elise).token(world.owner).body(Map.of("phone", "514 555-0199")).send());
        JsonNode read = expect(200, c.get(contacts(p)).token(world.lea).send()).json();
        assertEquals("Élise Roy", read.get("submission").get("name").asText());
        assertEquals("514 555-0199", read.get("submission").get("phone").asText());
        assertEquals("Ville de Laval", read.get("submission").get("company").asText());
        assertEquals("Marc Roy", read.get("billing").get("name").asText());
        assertTrue(read.get("execution").isNull());
    }

    @Test
    void aContactsLicenceCannotBeRemovedAndTheErrorNamesTheProject() {
        String p = world.project("Projet du contact", Map.of());
        String id = person("Contact Fidèle", "FREE");
        expect(200, c.put(contacts(p) + "/billing").token(world.owner).body(Map.of("personId", id)).send());
        JsonNode refused = expect(409, c.put("/directory/people/" + id + "/licence").token(world.owner).body(Map.of("licence", "NONE")).send()).json();
        assertTrue(refused.get("detail").asText().contains("Projet du contact"), refused::toString);
        // once replaced there, the licence can go
        expect(204, c.delete(contacts(p) + "/billing").token(world.owner).send());
        expect(200, c.put("/directory/people/" + id + "/licence").token(world.owner).body(Map.of("licence", "NONE")).send());
    }

    @Test
    void theRefusalNamesOnlyTheProjectsTheCallerMayReadAndCountsTheOthers() {
        String seen = world.project("Chantier visible", Map.of("adam", "ADMIN"));
        String hidden = world.project("Chantier confidentiel", Map.of("lea", "ADMIN"));
        String id = person("Contact Partagé", "FREE");
        expect(200, c.put(contacts(seen) + "/billing").token(world.owner).body(Map.of("personId", id)).send());
        expect(200, c.put(contacts(hidden) + "/submission").token(world.owner).body(Map.of("personId", id)).send());
        String licence = "/directory/people/" + id + "/licence";
        Map<String, String> none = Map.of("licence", "NONE");

        String owner = expect(409, c.put(licence).token(world.owner).body(none).send()).json().get("detail").asText();
        assertTrue(owner.contains("Chantier visible") && owner.contains("Chantier confidentiel"), owner);
        // adam is ADMIN of the first project only: a project ADMIN may take a FREE licence, and is told no more than they may read
        String adam = expect(409, c.put(licence).token(world.adam).header("Accept-Language", "en").body(none).send()).json().get("detail").asText();
        assertTrue(adam.contains("Chantier visible"), adam);
        assertFalse(adam.contains("confidentiel"), adam);
        assertTrue(adam.contains("1 other project"), adam);
        String lea = expect(409, c.put(licence).token(world.lea).header("Accept-Language", "fr").body(none).send()).json().get("detail").asText();
        assertFalse(lea.contains("visible"), lea);
        assertTrue(lea.contains("Chantier confidentiel") && lea.contains("1 autre(s) projet(s)"), lea);
        // nora is ADMIN of no project: refused before anything is read
        JsonNode nora = expect(403, c.put(licence).token(world.nora).body(none).send()).json();
        assertFalse(nora.toString().contains("Chantier"), nora::toString);
        expect(404, c.put(licence).token(world.outsider).body(none).send());
        String hiddenOnly = "/directory/people/" + person("Contact Caché", "FREE") + "/licence";
        expect(200, c.put(contacts(hidden) + "/execution").token(world.owner).body(Map.of("personId", hiddenOnly.split("/")[3])).send());
        String adamHidden = expect(409, c.put(hiddenOnly).token(world.adam).header("Accept-Language", "en").body(none).send()).json().get("detail").asText();
        assertFalse(adamHidden.contains("Chantier"), adamHidden);
        assertTrue(adamHidden.contains("1 project(s) you cannot see"), adamHidden);
    }

    @Test
    void rolesPeopleAndBodiesAreValidated() {
        String p = world.openProject;
        assertEquals("UNKNOWN_ROLE", expect(400, c.put(contacts(p) + "/owner").token(world.adam).body(Map.of("personId", licensed)).send())
                .json().get("errors").get(0).get("code").asText());
        expect(400, c.delete(contacts(p) + "/BILLING").token(world.adam).send());
        assertEquals("UNKNOWN_PERSON", expect(400, c.put(contacts(p) + "/billing").token(world.adam)
                .body(Map.of("personId", "01ARZ3NDEKTSV4RRFFQ69G5FAV")).send()).json().get("errors").get(0).get("code").asText());
        expect(400, c.put(contacts(p) + "/billing").token(world.adam).body(Map.of("personId", 12)).send());
        expect(400, c.put(contacts(p) + "/billing").token(world.adam).body(Map.of()).send());
        expect(400, c.put(contacts(p) + "/billing").token(world.adam).body("[]").send());
    }

    @Test
    void anotherOrganizationsPersonCannotBeChosen() {
        String foreign = expect(201, c.post("/directory/people").token(world.outsider).body(Map.of("name", "Étranger")).send())
                .json().get("id").asText();
        expect(200, c.put("/directory/people/" + foreign + "/licence").token(world.outsider).body(Map.of("licence", "FREE")).send());
        assertEquals("UNKNOWN_PERSON", expect(400, c.put(contacts(world.openProject) + "/billing").token(world.adam)
                .body(Map.of("personId", foreign)).send()).json().get("errors").get(0).get("code").asText());
    }

    @Test
    void contactChangesAreInTheProjectHistory() {
        String p = world.project("Historique contacts", Map.of());
        String a = person("Alice Avant", "FREE");
        String b = person("Bruno Après", "FREE");
        expect(200, c.put(contacts(p) + "/execution").token(world.owner).body(Map.of("personId", a)).send());
        expect(200, c.put(contacts(p) + "/execution").token(world.owner).body(Map.of("personId", b)).send());
        JsonNode items = expect(200, c.get("/projects/" + p + "/admin-history").token(world.owner).send()).json().get("items");
        assertEquals("clientContacts.execution", items.get(0).get("field").asText());
        assertEquals("Alice Avant", items.get(0).get("from").get("name").asText());
        assertEquals(b, items.get(0).get("to").get("personId").asText());
        assertTrue(items.get(1).get("from").isNull());
    }
}
