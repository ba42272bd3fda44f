package com.example.clientmgmt.projects;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed or invalid input is a 4xx problem+json naming the fields, in English or French; never a 5xx. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class BadInputTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static World world;
    static ApiClient c;
    static String info;

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        info = "/projects/" + world.openProject + "/admin-info";
    }

    /**
     * Authorization before any work on a body: who may not change the project gets the same refusal for a 64 KB
     * amount, for malformed JSON and for a fine body (the body was not read); its ADMIN gets the amount's own 400,
     * decided by the text's shape (MoneyTest shows no number is built from it).
     */
    @Test
    void aBodyIsReadOnlyForWhomMayChangeTheProject() {
        String huge = "{\"estimatedBudget\": {\"amount\": \"1." + "0".repeat(65_000) + "\"}}"; // just under the 64 KB body limit
        String unknown = "/projects/01ARZ3NDEKTSV4RRFFQ69G5FAV/admin-info";
        for (String body : List.of(huge, "{not json", "{\"clientCompanyName\": \"X\"}")) {
            assertEquals("NOT_FOUND", problem(404, c.patch(info).token(world.outsider).body(body).send()).get("code").asText());
            assertEquals("NOT_FOUND", problem(404, c.patch(unknown).token(world.adam).body(body).send()).get("code").asText());
            assertEquals("FORBIDDEN", problem(403, c.patch(info).token(world.lea).body(body).send()).get("code").asText());
        }
        JsonNode refused = problem(400, c.patch(info).token(world.adam).body(huge).send());
        assertEquals("NOT_A_DECIMAL", fieldCode(refused, "estimatedBudget.amount"));
        assertTrue(refused.toString().length() < 2_000, "the refused text is not echoed whole: " + refused.toString().length());
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        ApiClient.Response response = c.call("DELETE", "/projects").token(world.adam).send();
        JsonNode p = problem(405, response);
        assertEquals("METHOD_NOT_ALLOWED", p.get("code").asText());
        String allow = response.header("Allow");
        assertTrue(allow != null && allow.contains("GET") && allow.contains("POST"), "Allow: " + allow);
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIs415() {
        for (String type : List.of("garbage", "text/garbage", "application/x-www-form-urlencoded", "text/plain; charset=UTF-8")) {
            JsonNode p = problem(415, c.patch(info).token(world.adam).header("Content-Type", type)
                    .body("{\"clientCompanyName\": \"Ville de Laval\"}").send());
            assertEquals("UNSUPPORTED_MEDIA_TYPE", p.get("code").asText());
        }
        expect(200, c.patch(info).token(world.adam).header("Content-Type", "application/json; charset=utf-8")
                .body("{\"clientCompanyName\": \"Ville de Laval\"}").send());
    }

    /**
     * A test of the local gateway stand-in (what frontend developers use), not of the product: it answers a control
     * byte in a header with 400 as API Gateway does, before any function runs; in AWS no function sees such a header.
     */
    @Test
    void theLocalGatewayStandInAnswersAControlByteInAHeaderWith400AsApiGatewayDoes() throws Exception {
        java.net.URI base = java.net.URI.create(c.baseUrl());
        for (String value : List.of("fr\u007F", "a\u0001b", "x\u001Fy")) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                String request = "GET /projects HTTP/1.1\r\nHost: localhost\r\nAccept-Language: " + value
                        + "\r\nAuthorization: Bearer " + world.adam + "\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.contains("application/problem+json") && answer.contains("VALIDATION_FAILED"), answer);
            }
        }
    }

    static JsonNode problem(int status, ApiClient.Response response) {
        expect(status, response);
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response::toString);
        JsonNode body = response.json();
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("detail").asText().length() > 5);
        return body;
    }

    static String fieldCode(JsonNode problem, String field) {
        for (JsonNode e : problem.get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("code").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }

    /**
     * Over HTTP, one case of each source of a 400 (the reader, the money object, the domain's rule between fields):
     * every other odd body is in AdminInfoRequestTest, read and applied without a server.
     */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{bad json                                   | body                   | MALFORMED_JSON",
            "{\"startDate\": \"2026-02-30\"}             | startDate              | NOT_A_DATE",
            "{\"estimatedBudget\": {\"amount\": \"1.234\"}} | estimatedBudget.amount | MORE_THAN_CENTS",
            "{\"startDate\": \"2027-05-01\", \"endDate\": \"2027-04-01\"} | endDate | START_AFTER_END",
            "{\"startDate\": \"0001-01-01\"}             | startDate              | DATE_OUT_OF_RANGE",
            "{\"estimatedBudget\": {\"amount\": \"1e3\"}}  | estimatedBudget.amount | NOT_A_DECIMAL",
    })
    void badAdminInfoPatches(String body, String field, String code) {
        JsonNode p = problem(400, c.patch(info).token(world.adam).body(body).send());
        assertEquals("VALIDATION_FAILED", p.get("code").asText());
        assertEquals(code, fieldCode(p, field));
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        JsonNode p = problem(400, c.patch(info).token(world.adam)
                .body("{\"startDate\": 1, \"state\": \"X\", \"clientCompanyName\": false, \"extra\": 1}").send());
        assertEquals(4, p.get("errors").size(), p::toString);
    }

    @Test
    void anEmptyBodyIsRefused() {
        JsonNode p = problem(400, c.patch(info).token(world.adam).header("Content-Type", "application/json").send());
        assertEquals("BODY_REQUIRED", fieldCode(p, "body"));
    }

    @Test
    void longTextsAndHugeBodiesAreRefused() {
        JsonNode tooLong = problem(400, c.post("/projects").token(world.owner).body(Map.of("name", "x".repeat(10_000))).send());
        assertEquals("TOO_LONG", fieldCode(tooLong, "name"));
        problem(413, c.patch(info).token(world.adam).body(Map.of("clientCompanyName", "x".repeat(70_000))).send());
    }

    @Test
    void projectCreationValidatesItsFields() {
        assertEquals("REQUIRED", fieldCode(problem(400, c.post("/projects").token(world.owner).body(Map.of()).send()), "name"));
        assertEquals("BLANK", fieldCode(problem(400, c.post("/projects").token(world.owner).body(Map.of("name", "   ")).send()), "name"));
        assertEquals("CLOSED_AT_CREATION", fieldCode(problem(400, c.post("/projects").token(world.owner)
                .body(Map.of("name", "X", "state", "CLOSED")).send()), "state"));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertEquals("REQUIRED", fieldCode(problem(400, c.post("/projects").token(world.owner).body(nullName).send()), "name"));
    }

    @Test
    void memberChangesValidateThePermissionAndUserId() {
        String members = "/projects/" + world.openProject + "/members/";
        assertEquals("UNKNOWN_VALUE", fieldCode(problem(400, c.put(members + "zoe").token(world.adam)
                .body(Map.of("permission", "OWNER")).send()), "permission"));
        assertEquals("REQUIRED", fieldCode(problem(400, c.put(members + "zoe").token(world.adam).body(Map.of()).send()), "permission"));
        assertEquals("BAD_USER_ID", fieldCode(problem(400, c.put(members + "a%20b%23c").token(world.adam)
                .body(Map.of("permission", "LIMITED")).send()), "userId"));
    }

    @Test
    void messagesFollowAcceptLanguage() {
        JsonNode fr = problem(400, c.patch(info).token(world.adam).header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .body(Map.of("startDate", "demain")).send());
        assertEquals("Requête invalide", fr.get("title").asText());
        assertTrue(fr.get("errors").get(0).get("message").asText().contains("AAAA-MM-JJ"), fr::toString);
        JsonNode en = problem(400, c.patch(info).token(world.adam).header("Accept-Language", "en-US")
                .body(Map.of("startDate", "tomorrow")).send());
        assertTrue(en.get("errors").get(0).get("message").asText().contains("YYYY-MM-DD"), en::toString);
        JsonNode closedFr = problem(409, c.patch("/projects/" + world.closedProject + "/admin-info").token(world.adam)
                .header("Accept-Language", "fr").body(Map.of("clientCompanyName", "X")).send());
        assertTrue(closedFr.get("detail").asText().contains("fermé"), closedFr::toString);
        problem(400, c.patch(info).token(world.adam).header("Accept-Language", ";;;garbage")
                .body(Map.of("startDate", "x")).send());
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        assertEquals("NOT_FOUND", problem(404, c.get("/nowhere").token(world.adam).send()).get("code").asText());
        assertEquals("METHOD_NOT_ALLOWED", problem(405, c.delete(info).token(world.adam).send()).get("code").asText());
        JsonNode type = problem(415, c.patch(info).token(world.adam).header("Content-Type", "text/plain")
                .body("{\"clientCompanyName\": \"x\"}").send());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", type.get("code").asText());
    }

    @Test
    void noBadInputReachesA5xx() {
        for (String body : List.of("", "null", "{}", "{\"state\":{}}", "{\"estimatedBudget\":[]}", "{\"startDate\":\"9999999-01-01\"}",
                "{\"clientCompanyName\":\"\uD83C\uDFD7\uFE0F Chantier\"}", "\"\\ud800\"")) {
            ApiClient.Response r = c.patch(info).token(world.adam).header("Content-Type", "application/json").body(body).send();
            assertTrue(r.status() < 500, () -> body + " -> " + r);
        }
    }
}
