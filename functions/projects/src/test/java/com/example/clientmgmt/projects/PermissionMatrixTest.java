package com.example.clientmgmt.projects;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.PermissionMatrix;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


/**
 * Every project-scoped route × {no verified caller, other organization, NONE, LIMITED, ADMIN} × {open, closed},
 * through the local gateway and the real handler, against the emulator. "No verified caller" reaches the function
 * without claims ({@link PermissionMatrix#noCaller}): its 401 is the product's, not the gateway stand-in's.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class PermissionMatrixTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static World world;
    static String template;

    @BeforeAll
    static void setUp() {
        world = new World(api.client());
        template = World.expect(200, api.client().put("/organization/requirement-templates").token(world.owner)
                .body(Map.of("items", List.of(Map.of("name", "Appel d'offres municipal", "requirements",
                        List.of(Map.of("kind", "BID_BOND", "neededBy", "SUBMISSION")))))).send()).json()
                .get("items").get(0).get("id").asText();
    }

    /** A route, how to call it, and what each caller gets on an open and on a closed project. */
    record Route(String name, Function<String, ApiClient.Call> call, int limitedOpen, int adminOpen, int limitedClosed, int adminClosed) {}

    static List<Route> routes() {
        ApiClient c = api.client();
        return List.of(
                new Route("GET project", id -> c.get("/projects/" + id), 200, 200, 200, 200),
                new Route("GET admin-info", id -> c.get("/projects/" + id + "/admin-info"), 200, 200, 200, 200),
                new Route("PATCH admin-info", id -> c.patch("/projects/" + id + "/admin-info")
                        .body(Map.of("clientCompanyName", "Ville de Laval")), 403, 200, 403, 409),
                new Route("GET admin-history", id -> c.get("/projects/" + id + "/admin-history"), 403, 200, 403, 200),
                new Route("GET members", id -> c.get("/projects/" + id + "/members"), 403, 200, 403, 200),
                new Route("PUT member", id -> c.put("/projects/" + id + "/members/zoe")
                        .body(Map.of("permission", "LIMITED")), 403, 200, 403, 409),
                new Route("GET requirements", id -> c.get("/projects/" + id + "/requirements"), 200, 200, 200, 200),
                new Route("PUT requirements", id -> c.put("/projects/" + id + "/requirements")
                        .body(Map.of("items", List.of(Map.of("kind", "RBQ_LICENCE", "neededBy", "SUBMISSION")))), 403, 200, 403, 409),
                new Route("POST requirements/apply", id -> c.post("/projects/" + id + "/requirements/apply")
                        .body(Map.of("templateId", template)), 403, 200, 403, 409),
                // an id the project never had: the ADMIN's answer is 404, after the closed-project check
                new Route("DELETE requirement", id -> c.delete("/projects/" + id + "/requirements/01ARZ3NDEKTSV4RRFFQ69G5FAV"),
                        403, 404, 403, 409),
                new Route("GET readiness", id -> c.get("/projects/" + id + "/readiness"), 200, 200, 200, 200));
    }

    @TestFactory
    List<DynamicTest> everyRouteAnswersEachCallerAsTheMatrixSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes()) {
            for (boolean closed : new boolean[] {false, true}) {
                String project = closed ? world.closedProject : world.openProject;
                String state = closed ? "closed" : "open";
                tests.add(PermissionMatrix.noCaller(route.name() + " / " + state, route.call().apply(project)));
                tests.add(PermissionMatrix.expect(route.name() + " / other organization / " + state,
                        route.call().apply(project).token(world.outsider), 404));
                tests.add(PermissionMatrix.expect(route.name() + " / NONE / " + state, route.call().apply(project).token(world.nora), 403));
                tests.add(PermissionMatrix.expect(route.name() + " / LIMITED / " + state, route.call().apply(project).token(world.lea),
                        closed ? route.limitedClosed() : route.limitedOpen()));
                tests.add(PermissionMatrix.expect(route.name() + " / ADMIN / " + state, route.call().apply(project).token(world.adam),
                        closed ? route.adminClosed() : route.adminOpen()));
                tests.add(PermissionMatrix.expect(route.name() + " / organization admin, not a member / " + state,
                        route.call().apply(project).token(world.boss), closed ? route.adminClosed() : route.adminOpen()));
            }
            tests.add(PermissionMatrix.expect(route.name() + " / unknown project", route.call().apply("01ARZ3NDEKTSV4RRFFQ69G5FAV").token(world.adam), 404));
            tests.add(PermissionMatrix.expect(route.name() + " / malformed project id", route.call().apply("..%2F..%2Fx").token(world.adam), 404));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyMemberReadsTheRequirementTemplatesOnlyOrganizationAdminsReplaceThem() {
        ApiClient c = api.client();
        Map<String, Object> body = Map.of("items", List.of(Map.of("id", template, "name", "Appel d'offres municipal",
                "requirements", List.of(Map.of("kind", "BID_BOND", "neededBy", "SUBMISSION")))));
        return List.of(
                PermissionMatrix.noCaller("GET requirement-templates", c.get("/organization/requirement-templates")),
                PermissionMatrix.expect("GET requirement-templates / LIMITED member", c.get("/organization/requirement-templates").token(world.lea), 200),
                PermissionMatrix.expect("GET requirement-templates / NONE", c.get("/organization/requirement-templates").token(world.nora), 200),
                PermissionMatrix.noCaller("PUT requirement-templates", c.put("/organization/requirement-templates").body(body)),
                PermissionMatrix.expect("PUT requirement-templates / project ADMIN, not org admin",
                        c.put("/organization/requirement-templates").token(world.adam).body(body), 403),
                PermissionMatrix.expect("PUT requirement-templates / org admin", c.put("/organization/requirement-templates").token(world.owner).body(body), 200),
                DynamicTest.dynamicTest("another organization's templates are not ours", () -> {
                    var theirs = World.expect(200, c.get("/organization/requirement-templates").token(world.outsider).send()).json();
                    org.junit.jupiter.api.Assertions.assertEquals(0, theirs.get("items").size(), theirs::toString);
                }));
    }

    @TestFactory
    List<DynamicTest> onlyOrganizationAdminsCreateProjects() {
        ApiClient c = api.client();
        return List.of(
                PermissionMatrix.noCaller("POST /projects", c.post("/projects").body(Map.of("name", "X"))),
                PermissionMatrix.expect("POST /projects / project ADMIN, not org admin", c.post("/projects").token(world.adam).body(Map.of("name", "X")), 403),
                PermissionMatrix.expect("POST /projects / org admin", c.post("/projects").token(world.owner).body(Map.of("name", "X")), 201),
                PermissionMatrix.noCaller("GET /projects", c.get("/projects")));
    }
}
