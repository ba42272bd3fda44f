package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.clientmgmt.testkit.World.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar feed through the local gateway (no bearer token on the feed): parsed by a real iCalendar parser (Python
 * icalendar, in the project's venv), its raw bytes checked for CRLF and folding, what it holds following the user's
 * permission at each request, rotation, ETag/304, 404s.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class CalendarFeedApiTest {
    @RegisterExtension
    static TestApi api = new TestApi();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Toronto"));
    static World world;
    static ApiClient c;
    static String project;
    static final String NAME = "Agrandissement de l'école primaire Saint-Hubert, phase 2 — pavillon des sciences; lot B";

    @BeforeAll
    static void setUp() {
        c = api.client();
        world = new World(c);
        project = world.project(NAME, Map.of("adam", "ADMIN", "lea", "LIMITED"));
        expect(200, c.patch("/projects/" + project + "/admin-info").token(world.adam).body(Map.of(
                "submissionDeadline", TODAY.plusDays(10).toString(), "startDate", TODAY.plusDays(60).toString(),
                "endDate", TODAY.plusDays(400).toString(), "clientType", "PUBLIC",
                "estimatedBudget", Map.of("amount", "987654.32", "currency", "CAD"))).send());
        expect(200, c.put("/projects/" + project + "/requirements").token(world.adam).body(Map.of("items", List.of(
                Map.of("kind", "CCQ_STATEMENT", "neededBy", "DATE", "date", TODAY.plusDays(20).toString(), "label", "Lettre d'état CCQ")))).send());
    }

    /** The feed's path (the URL's host is the request's: the local gateway's here). */
    static String feedPath(String token) {
        String url = expect(200, c.post("/me/calendar").token(token).send()).json().get("url").asText();
        assertTrue(url.endsWith(".ics"), url);
        return URI.create(url).getRawPath();
    }

    static ApiClient.Response feed(String path) {
        return c.get(path).header("Accept", "text/calendar").send(); // no bearer token, as calendar applications
    }

    /** The events as Python's icalendar parser reads them: uid → [date, summary]. */
    static Map<String, List<String>> parsed(String calendar) throws Exception {
        String script = String.join("\n",
                "import sys, json, icalendar",
                "cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())",
                "assert cal.get('VERSION') == '2.0' and cal.get('PRODID'), 'VERSION and PRODID'",
                "out = {}",
                "for e in cal.walk('VEVENT'):",
                "    start = e.get('DTSTART').dt",
                "    assert not hasattr(start, 'hour'), 'an all-day date, not a date-time'",
                "    assert e.get('DTSTAMP') is not None",
                "    out[str(e.get('UID'))] = [start.isoformat(), str(e.get('SUMMARY'))]",
                "print(json.dumps(out))");
        Process python = new ProcessBuilder(ContractTest.ROOT.resolve(".venv/bin/python").toString(), "-c", script).start();
        python.getOutputStream().write(calendar.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.waitFor(), err);
        Map<String, List<String>> events = new HashMap<>();
        new ObjectMapper().readTree(out).fields().forEachRemaining(e -> events.put(e.getKey(),
                List.of(e.getValue().get(0).asText(), e.getValue().get(1).asText())));
        return events;
    }

    @Test
    void theFeedParsesInARealParserWithTheProjectsDatesAndNeverABudget() throws Exception {
        ApiClient.Response response = feed(feedPath(world.lea));
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("text/calendar"), response.header("Content-Type"));
        Map<String, List<String>> events = parsed(response.text());
        // Léa's token says no locale: the organization's language (fr-CA unless set)
        assertEquals(List.of(TODAY.plusDays(10).toString(), "Date limite de dépôt des soumissions : " + NAME),
                events.get("deadline-" + project + "@client-management"));
        assertEquals(TODAY.plusDays(60).toString(), events.get("start-" + project + "@client-management").get(0));
        assertEquals(TODAY.plusDays(400).toString(), events.get("end-" + project + "@client-management").get(0));
        assertEquals(TODAY.plusDays(10).toString(), events.get("requirement-" + project + "-rule-revenu-quebec-attestation@client-management").get(0),
                "the public-contract rule's attestation, by the deadline");
        assertTrue(events.values().stream().anyMatch(e -> e.get(1).startsWith("Exigé : Lettre d'état CCQ")), events::toString);
        assertFalse(response.text().contains("987") || response.text().contains("654"), "never a budget, not even to an ADMIN's feed");
    }

    @Test
    void theRawBytesEndEveryLineWithCrlfAndFoldAt75Octets() {
        String text = feed(feedPath(world.adam)).text();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "a LF without its CR at byte " + i);
            }
        }
        boolean folded = false;
        for (String line : text.split("\r\n", -1)) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "longer than 75 octets: " + line);
            folded |= line.startsWith(" ");
        }
        assertTrue(folded, "the long project name made some line fold");
        assertTrue(text.replace("\r\n ", "").contains("pavillon des sciences\\; lot B"), "a semicolon is escaped");
    }

    @Test
    void anUnchangedFeedIsA304AndAChangeChangesItsEtag() {
        String path = feedPath(world.adam);
        ApiClient.Response first = feed(path);
        String etag = first.header("ETag");
        assertEquals(304, c.get(path).header("If-None-Match", etag).send().status());
        expect(200, c.patch("/projects/" + project + "/admin-info").token(world.adam)
                .body(Map.of("endDate", TODAY.plusDays(401).toString())).send());
        ApiClient.Response changed = c.get(path).header("If-None-Match", etag).send();
        assertEquals(200, changed.status());
        assertNotEquals(etag, changed.header("ETag"));
        expect(200, c.patch("/projects/" + project + "/admin-info").token(world.adam)
                .body(Map.of("endDate", TODAY.plusDays(400).toString())).send());
    }

    @Test
    void theFeedFollowsThePermissionAtEachRequestAndRotationRetiresTheOldUrl() throws Exception {
        String other = world.project("Garage municipal", Map.of("adam", "ADMIN", "lea", "LIMITED"));
        expect(200, c.patch("/projects/" + other + "/admin-info").token(world.adam)
                .body(Map.of("submissionDeadline", TODAY.plusDays(3).toString())).send());
        String path = feedPath(world.lea);
        assertTrue(parsed(feed(path).text()).containsKey("deadline-" + other + "@client-management"));
        expect(200, c.put("/projects/" + other + "/members/lea").token(world.adam).body(Map.of("permission", "NONE")).send());
        assertFalse(parsed(feed(path).text()).containsKey("deadline-" + other + "@client-management"),
                "no longer readable: gone from the feed at the next poll");
        assertTrue(parsed(feed(path).text()).containsKey("deadline-" + project + "@client-management"));

        String rotated = feedPath(world.lea);
        assertNotEquals(path, rotated);
        ApiClient.Response old = feed(path);
        assertEquals(404, old.status());
        assertEquals("NOT_FOUND", old.json().get("code").asText());
        assertEquals(200, feed(rotated).status());
    }

    @Test
    void unknownAndMalformedSecretsAre404AndTheLanguageIsTheOwners() throws Exception {
        for (String path : List.of("/calendar/" + "A".repeat(43) + ".ics", "/calendar/short.ics", "/calendar/" + "A".repeat(43),
                "/calendar/%2E%2E%2Fme.ics")) {
            ApiClient.Response r = feed(path);
            assertEquals(404, r.status(), path + " " + r);
        }
        assertEquals(401, c.post("/me/calendar").send().status(), "creating one needs a token");
        String english = c.token("lea", world.org, false, Map.of("locale", "en", "email", "lea@example.com", "name", "Lea"));
        JsonNode me = expect(200, c.get("/me").token(english).send()).json();
        assertEquals("en", me.get("effectiveLanguage").asText(), me::toString);
        Map<String, List<String>> events = parsed(feed(feedPath(english)).text());
        assertEquals("Bid submission deadline: " + NAME, events.get("deadline-" + project + "@client-management").get(1));
        List<String> summaries = new ArrayList<>();
        events.values().forEach(e -> summaries.add(e.get(1)));
        assertTrue(summaries.stream().anyMatch(s -> s.startsWith("Required: Revenu Québec attestation")), summaries::toString);
    }
}
