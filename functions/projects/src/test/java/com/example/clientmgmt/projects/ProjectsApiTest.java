package com.example.clientmgmt.projects;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
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
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projects list and filters, members, tenant isolation and identity. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ProjectsApiTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static World world;
    static ApiClient c;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void theListShowsOpenProjectsByDefaultAndClosedOnesWhenAsked() {
        List<String> open = ids(expect(200, c.get("/projects").token(world.lea).send()).json());
        assertTrue(open.contains(world.openProject), () -> open + " " + world.openProject);
        assertFalse(open.contains(world.closedProject));
        List<String> closed = ids(expect(200, c.get("/projects?state=CLOSED").token(world.lea).send()).json());
        assertEquals(List.of(world.closedProject), closed);
        List<String> both = ids(expect(200, c.get("/projects?state=CLOSED&state=ACTIVE").token(world.lea).send()).json());
        assertTrue(both.containsAll(List.of(world.openProject, world.closedProject)));
        assertEquals("BAD_STATE_FILTER", expect(400, c.get("/projects?state=DONE").token(world.lea).send())
                .json().get("errors").get(0).get("code").asText());
    }

    @Test
    void theListShowsOnlyMyProjectsWithMyPermission() {
        JsonNode lea = expect(200, c.get("/projects?state=ACTIVE").token(world.lea).send()).json();
        assertTrue(ids(lea).contains(world.openProject), lea::toString);
        lea.get("items").forEach(i -> assertEquals("LIMITED", i.get("permission").asText()));
        JsonNode adam = expect(200, c.get("/projects?state=ACTIVE").token(world.adam).send()).json();
        assertTrue(ids(adam).contains(world.openProject), adam::toString);
        adam.get("items").forEach(i -> {
            if (i.get("id").asText().equals(world.openProject)) {
                assertEquals("ADMIN", i.get("permission").asText(), i::toString);
            }
        });
        assertTrue(ids(expect(200, c.get("/projects").token(world.nora).send()).json()).isEmpty());
    }

    @Test
    void theListPagesWithACursor() {
        String org = "paging-" + System.nanoTime();
        String boss = c.token("boss", org, true);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(expect(201, c.post("/projects").token(boss).body(Map.of("name", "P" + i)).send()).json().get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, c.get("/projects?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).token(boss).send()).json();
            assertTrue(page.get("items").size() <= 2);
            seen.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        java.util.Collections.reverse(created);
        assertEquals(created, seen, "newest first, each once");
        expect(400, c.get("/projects?limit=0").token(boss).send());
        expect(400, c.get("/projects?limit=abc").token(boss).send());
        expect(400, c.get("/projects?cursor=%2F%2F%2F").token(boss).send());
    }

    @Test
    void aPageOfOpenProjectsIsFilledEvenWhenTheNewestAreClosed() {
        String org = "filled-" + System.nanoTime();
        String boss = c.token("boss", org, true);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(expect(201, c.post("/projects").token(boss).body(Map.of("name", "Ouvert " + i)).send()).json().get("id").asText());
        }
        for (int i = 0; i < 4; i++) {
            String closed = expect(201, c.post("/projects").token(boss).body(Map.of("name", "Fermé " + i)).send()).json().get("id").asText();
            expect(200, c.patch("/projects/" + closed + "/admin-info").token(boss).body(Map.of("state", "CLOSED")).send());
        }
        JsonNode first = expect(200, c.get("/projects?limit=2").token(boss).send()).json();
        assertEquals(List.of(open.get(2), open.get(1)), ids(first));
        JsonNode second = expect(200, c.get("/projects?limit=2&cursor=" + first.get("nextCursor").asText()).token(boss).send()).json();
        assertEquals(List.of(open.get(0)), ids(second));
        assertTrue(second.get("nextCursor").isNull());
    }

    @Test
    void anotherOrganizationSeesNothingEvenWithTheSameUserId() {
        // "owner" exists in both organizations: the org claim, not the user id, decides
        assertFalse(ids(expect(200, c.get("/projects?state=ACTIVE&state=CLOSED").token(world.outsider).send()).json())
                .contains(world.openProject));
        expect(404, c.get("/projects/" + world.openProject + "/admin-info").token(world.outsider).send());
        expect(404, c.patch("/projects/" + world.openProject + "/admin-info").token(world.outsider)
                .body(Map.of("clientCompanyName", "piraté")).send());
        assertEquals("Ville de Laval", expect(200, c.get("/projects/" + world.openProject + "/admin-info").token(world.owner).send())
                .json().get("clientCompanyName").asText());
    }

    @Test
    void theCreatorBecomesAdmin() {
        JsonNode created = expect(201, c.post("/projects").token(world.owner)
                .body(Map.of("name", "  Nouvelle tour  ", "clientCompanyName", "Béton & Fils", "state", "BIDDING")).send()).json();
        assertEquals("Nouvelle tour", created.get("name").asText());
        assertEquals("BIDDING", created.get("state").asText());
        assertEquals("ADMIN", created.get("permission").asText());
        String id = created.get("id").asText();
        JsonNode members = expect(200, c.get("/projects/" + id + "/members").token(world.owner).send()).json();
        assertEquals("owner", members.get("items").get(0).get("userId").asText());
        assertEquals("ADMIN", members.get("items").get(0).get("permission").asText());
        assertEquals("Béton & Fils", expect(200, c.get("/projects/" + id + "/admin-info").token(world.owner).send())
                .json().get("clientCompanyName").asText());
    }

    @Test
    void grantingChangingAndRemovingAPermission() {
        String p = world.project("Membres", Map.of("adam", "ADMIN"));
        String zoe = c.token("zoe", world.org, false);
        expect(403, c.get("/projects/" + p).token(zoe).send());
        expect(200, c.put("/projects/" + p + "/members/zoe").token(world.adam).body(Map.of("permission", "LIMITED")).send());
        assertEquals("LIMITED", expect(200, c.get("/projects/" + p).token(zoe).send()).json().get("permission").asText());
        assertTrue(ids(expect(200, c.get("/projects").token(zoe).send()).json()).contains(p));
        expect(200, c.put("/projects/" + p + "/members/zoe").token(world.adam).body(Map.of("permission", "NONE")).send());
        expect(403, c.get("/projects/" + p).token(zoe).send());
        assertFalse(ids(expect(200, c.get("/projects").token(zoe).send()).json()).contains(p));
        JsonNode members = expect(200, c.get("/projects/" + p + "/members").token(world.adam).send()).json();
        assertEquals(2, members.get("items").size(), members::toString);
    }

    @Test
    void anAdminMayChangeTheirOwnPermissionUnlessTheyAreTheLastAdminMember() {
        String p = world.project("Soi-même", Map.of("adam", "ADMIN"));
        // owner (the creator) and adam are ADMIN members: adam may step down
        assertEquals("LIMITED", expect(200, c.put("/projects/" + p + "/members/adam").token(world.adam)
                .body(Map.of("permission", "LIMITED")).send()).json().get("permission").asText());
        expect(403, c.put("/projects/" + p + "/members/adam").token(world.adam).body(Map.of("permission", "ADMIN")).send());
        // owner is now the last ADMIN member: neither stepping down nor leaving, even asked by an organization admin
        for (String permission : List.of("LIMITED", "NONE")) {
            JsonNode refused = expect(409, c.put("/projects/" + p + "/members/owner").token(world.owner)
                    .header("Accept-Language", "fr-CA").body(Map.of("permission", permission)).send()).json();
            assertEquals("LAST_ADMIN", refused.get("code").asText());
            assertTrue(refused.get("detail").asText().contains("dernier administrateur"), refused::toString);
        }
        JsonNode en = expect(409, c.put("/projects/" + p + "/members/owner").token(world.owner)
                .header("Accept-Language", "en").body(Map.of("permission", "NONE")).send()).json();
        assertTrue(en.get("detail").asText().contains("last administrator"), en::toString);
        expect(409, c.put("/projects/" + p + "/members/owner").token(world.boss).body(Map.of("permission", "NONE")).send());
        expect(403, c.put("/projects/" + p + "/members/nora").token(world.nora).body(Map.of("permission", "ADMIN")).send());
        // every permission change is in the admin history: who, when, from, to
        JsonNode history = expect(200, c.get("/projects/" + p + "/admin-history").token(world.owner).send()).json().get("items");
        JsonNode last = history.get(0);
        assertEquals("members.adam", last.get("field").asText());
        assertEquals("adam", last.get("by").asText());
        assertEquals("ADMIN", last.get("from").asText());
        assertEquals("LIMITED", last.get("to").asText());
        assertEquals("NONE", history.get(1).get("from").asText());
        assertEquals("ADMIN", history.get(1).get("to").asText());
    }

    @Test
    void anOrganizationAdminOnNoProjectListsOpensAndManagesEveryProjectOfTheOrganization() {
        String org = "gov-" + System.nanoTime();
        String creator = c.token("creator", org, true);
        String boss = c.token("boss", org, true);
        String member = c.token("mia", org, false);
        String a = expect(201, c.post("/projects").token(creator).body(Map.of("name", "Tour de l'Île", "clientCompanyName", "Ville de Montréal")).send()).json().get("id").asText();
        String b = expect(201, c.post("/projects").token(creator).body(Map.of("name", "Entrepôt Nord", "clientCompanyName", "Béton Québec")).send()).json().get("id").asText();
        String closed = expect(201, c.post("/projects").token(creator).body(Map.of("name", "Pont Sud")).send()).json().get("id").asText();
        expect(200, c.patch("/projects/" + closed + "/admin-info").token(creator).body(Map.of("state", "CLOSED")).send());
        expect(201, c.post("/projects").token(c.token("creator", org + "-x", true)).body(Map.of("name", "Entrepôt ailleurs")).send());

        assertTrue(ids(expect(200, c.get("/projects").token(boss).send()).json()).isEmpty(), "boss is on no project");
        assertEquals(List.of(b, a), ids(expect(200, c.get("/projects?scope=organization").token(boss).send()).json()));
        assertEquals(List.of(closed, b, a), ids(expect(200, c.get("/projects?scope=organization&state=CLOSED,ACTIVE").token(boss).send()).json()));
        assertEquals(List.of(b), ids(expect(200, c.get("/projects?scope=organization&query=ENTREPOT").token(boss).send()).json()));
        assertEquals(List.of(b), ids(expect(200, c.get("/projects?scope=organization&query=beton%20qu").token(boss).send()).json()));
        assertEquals(List.of(a), ids(expect(200, c.get("/projects?scope=organization&query=montreal%20ile").token(boss).send()).json()));
        assertEquals(List.of(), ids(expect(200, c.get("/projects?scope=organization&query=ville%20nord").token(boss).send()).json()));
        // the client's name can change: the search follows
        expect(200, c.patch("/projects/" + a + "/admin-info").token(boss).body(Map.of("clientCompanyName", "Hydro-Québec")).send());
        assertEquals(List.of(a), ids(expect(200, c.get("/projects?scope=organization&query=hydro").token(boss).send()).json()));
        assertEquals(List.of(), ids(expect(200, c.get("/projects?scope=organization&query=montreal").token(boss).send()).json()));
        // pages, newest first, each once
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, c.get("/projects?scope=organization&state=ACTIVE,CLOSED&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).token(boss).send()).json();
            assertTrue(page.get("items").size() <= 1);
            seen.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(List.of(closed, b, a), seen);

        // opens one: ADMIN without being a member
        JsonNode project = expect(200, c.get("/projects/" + a).token(boss).send()).json();
        assertEquals("ADMIN", project.get("permission").asText());
        assertFalse(project.get("member").asBoolean());
        assertTrue(expect(200, c.get("/projects/" + a).token(creator).send()).json().get("member").asBoolean());
        expect(200, c.get("/projects/" + a + "/members").token(boss).send());
        expect(200, c.get("/projects/" + a + "/admin-history").token(boss).send());
        // adds an ADMIN; then the creator may leave, but the last ADMIN member may not
        expect(200, c.put("/projects/" + a + "/members/mia").token(boss).body(Map.of("permission", "ADMIN")).send());
        expect(200, c.put("/projects/" + a + "/members/creator").token(boss).body(Map.of("permission", "NONE")).send());
        assertEquals("LAST_ADMIN", expect(409, c.put("/projects/" + a + "/members/mia").token(boss)
                .body(Map.of("permission", "LIMITED")).send()).json().get("code").asText());
        assertEquals("ADMIN", expect(200, c.get("/projects/" + a).token(member).send()).json().get("permission").asText());
        // a closed project stays closed to changes, organization admins included, until reopened
        expect(409, c.put("/projects/" + closed + "/members/mia").token(boss).body(Map.of("permission", "ADMIN")).send());

        // only organization admins list the whole organization
        expect(403, c.get("/projects?scope=organization").token(member).send());
        expect(400, c.get("/projects?scope=everything").token(boss).send());
        assertEquals(List.of(), ids(expect(200, c.get("/projects?query=tour").token(boss).send()).json()), "boss's own projects: none");
        assertEquals(List.of(a), ids(expect(200, c.get("/projects?query=HYDRO").token(member).send()).json()), "mia's own, searched");
        expect(400, c.get("/projects?scope=organization&query=" + "x".repeat(201)).token(boss).send());
        expect(400, c.get("/projects?query=a%2C" + "x".repeat(199)).token(boss).send()); // a comma is text, not a list
        expect(400, c.get("/projects?scope=organization&cursor=%2F%2F").token(boss).send());
    }

    @Test
    void theHandlerItselfRefusesAnEventWithoutVerifiedClaims() {
        // defence in depth: were the authorizer ever bypassed, a request without claims gets 401
        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/projects/" + world.openProject)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/projects/" + world.openProject).build()).build())
                .withHeaders(Map.of("x-user-id", "owner", "x-org", world.org))
                .build();
        var response = api.function().handleRequest(event, null);
        assertEquals(401, response.getStatusCode());
        assertTrue(response.getBody().contains("UNAUTHENTICATED"));
    }

    /**
     * Verified tokens whose claims the product must still refuse (its own 401: the function answered): an organization
     * id that would reach into another tenant's keys, a control character, an access token.
     */
    @Test
    void verifiedTokensWithClaimsOfAnotherShapeOrAnAccessTokenAre401() {
        for (String token : List.of(c.token("adam", world.org + "#PROJECT#" + world.openProject, false),
                c.token("adam\u0001", world.org, false), c.token("x".repeat(129), world.org, false),
                c.token("adam", world.org, false, Map.of("token_use", "access")))) {
            ApiClient.Response r = c.get("/projects").token(token).send();
            assertEquals(401, r.status(), r::toString);
            assertEquals("UNAUTHENTICATED", r.json().get("code").asText());
            assertTrue(r.header("apigw-requestid") != null, "the function refused it, not the gateway");
        }
        assertEquals(200, c.get("/projects").token(world.adam).send().status());
    }

    @Test
    void snapStartPrimingRunsEveryPrimerOfTheFunction() {
        var priming = api.context().getBean(com.example.clientmgmt.platform.SnapStartPriming.class);
        assertEquals(api.context().getBeansOfType(com.example.clientmgmt.platform.Primer.class).size(), priming.prime());
        priming.beforeCheckpoint(null);
    }

    /**
     * CORS is API Gateway's, configured in template.yaml (CorsTemplateTest checks that configuration against the API);
     * this checks that the local gateway stand-in answers as that configuration says, so the frontend meets locally
     * the answer it will meet in AWS.
     */
    @Test
    void theLocalGatewayStandInAnswersCorsAsTheTemplateConfiguresIt() {
        Map<String, Object> cors = com.example.clientmgmt.testkit.Template.map(com.example.clientmgmt.testkit.Template.load()
                .properties("HttpApi").get("CorsConfiguration"));
        java.util.function.Function<String, String> configured = key -> String.join(", ",
                com.example.clientmgmt.testkit.Template.list(cors.get(key)).stream().map(String::valueOf).toList());
        ApiClient.Response allowed = c.call("OPTIONS", "/projects").header("Origin", TestApi.ORIGIN)
                .header("Access-Control-Request-Method", "PATCH").send();
        assertEquals(TestApi.ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertEquals(configured.apply("AllowMethods"), allowed.header("Access-Control-Allow-Methods"));
        assertEquals(configured.apply("AllowHeaders"), allowed.header("Access-Control-Allow-Headers"));
        ApiClient.Response read = c.get("/projects").token(world.lea).header("Origin", TestApi.ORIGIN).send();
        assertEquals(configured.apply("ExposeHeaders"), read.header("Access-Control-Expose-Headers"));
        ApiClient.Response other = c.call("OPTIONS", "/projects").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PATCH").send();
        assertEquals(null, other.header("Access-Control-Allow-Origin"));
    }

    /** A test of the local gateway stand-in: like API Gateway's JWT authorizer, it refuses a request without a valid token. */
    @Test
    void theLocalGatewayStandInRefusesAMissingOrForgedTokenBeforeAnyFunctionRuns() {
        for (ApiClient.Response r : List.of(c.get("/projects").send(), c.get("/projects").token("not.a.token").send(),
                c.get("/projects").header("Authorization", "Basic " + world.adam).send())) {
            assertEquals(401, r.status(), r::toString);
            assertEquals(null, r.header("apigw-requestid"), "no function ran");
            assertEquals("UNAUTHENTICATED", r.json().get("code").asText());
        }
    }

    /** Lists queried on a partition alone: any well-formed position is inside it (the partition is the caller's), never a 500. */
    @Test
    void projectListCursorsOfForeignPositionsAnswerAPage() {
        String foreign = Cursors.at("01ARZ3NDEKTSV4RRFFQ69G5FAV");
        expect(200, c.get("/projects?cursor=" + foreign).token(world.adam).send());
        expect(200, c.get("/projects?scope=organization&cursor=" + foreign).token(world.owner).send());
        assertEquals("BAD_CURSOR", Cursors.errorCode(c.get("/projects?cursor=" + Cursors.at("HISTORY#x")).token(world.adam).send()));
    }

}
