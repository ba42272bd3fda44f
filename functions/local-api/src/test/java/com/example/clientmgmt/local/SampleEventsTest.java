package com.example.clientmgmt.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample event in events/ goes through its function's real handler, read as the Lambda runtime
 * reads it (what scripts/invoke does), against the emulator: the samples stay valid and say what they show.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class SampleEventsTest {
    @RegisterExtension
    static TestApi api = new TestApi().withUploadEvents(context -> {
        com.example.clientmgmt.uploads.UploadEventsHandler handler = new com.example.clientmgmt.uploads.UploadEventsHandler(context);
        return event -> handler.handleRequest(event, null);
    });
    static final String ORG = "demo-construction";

    /**
     * What the samples name, prepared through the API as the samples' caller (Marie, organization admin): a project, a
     * document with an uploaded (AVAILABLE) version whose reminder has fired, a licensed person, and Marie's notification
     * of that reminder, a requirement template, a project requirement and Marie's calendar feed. events/expected.json's _ids says which sample
     * id stands for which.
     */
    static Map<String, String> prepare() throws Exception {
        ApiClient c = api.client();
        String marie = c.token("marie", ORG, true, Map.of("email", "marie@example.com", "name", "Marie Lavoie", "locale", "fr-CA"));
        Map<String, String> ids = new java.util.HashMap<>();
        String project = World.expect(201, c.post("/projects").token(marie).body(Map.of("name", "Échantillons")).send())
                .json().get("id").asText();
        ids.put("project", project);
        byte[] content = "Certificat d'assurance — échantillons\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto")).minusDays(1).toString();
        JsonNode declared = World.expect(201, c.post("/projects/" + project + "/admin-documents").token(marie)
                .body(Map.of("title", "Certificat d'assurance", "kind", "INSURANCE", "fileName", "assurance.txt",
                        "contentType", "text/plain", "sizeBytes", content.length, "reminderDate", yesterday)).send()).json();
        String document = declared.get("document").get("id").asText();
        ids.put("document", document);
        assertEquals(200, ApiClient.upload(declared.get("upload"), "text/plain", content));
        assertEquals(1, api.deliverUploadEvents());
        JsonNode versions = World.expect(200, c.get("/projects/" + project + "/admin-documents/" + document + "/versions")
                .token(marie).send()).json().get("items");
        assertEquals("AVAILABLE", versions.get(0).get("status").asText(), versions::toString);
        ids.put("version", versions.get(0).get("id").asText());
        assertTrue(api.context().getBean(com.example.clientmgmt.reminders.ReminderSweep.class).run(java.time.Instant.now()).fired() >= 1);
        JsonNode notifications = World.expect(200, c.get("/notifications").token(marie).send()).json().get("items");
        ids.put("notification", notifications.get(0).get("id").asText());
        String person = World.expect(201, c.post("/directory/people").token(marie)
                .body(Map.of("name", "Geneviève Tremblay", "company", "Ville de Laval", "email", "g.tremblay@laval.ca")).send())
                .json().get("id").asText();
        World.expect(200, c.put("/directory/people/" + person + "/licence").token(marie).body(Map.of("licence", "STANDARD")).send());
        ids.put("person", person);
        // a template to apply and a requirement to remove, as the samples' own bodies make them
        JsonNode templates = World.expect(200, c.put("/organization/requirement-templates").token(marie)
                .body(sampleBody("organization-replace-requirement-templates.json")).send()).json();
        ids.put("template", templates.get("items").get(0).get("id").asText());
        JsonNode requirements = World.expect(200, c.post("/projects/" + project + "/requirements/apply").token(marie)
                .body(Map.of("templateId", ids.get("template"))).send()).json();
        ids.put("requirement", requirements.get("items").get(0).get("id").asText()); // a TEMPLATE one: the PUT sample keeps it
        String feed = World.expect(200, c.post("/me/calendar").token(marie).send()).json().get("url").asText();
        ids.put("calendar", feed.substring(feed.lastIndexOf('/') + 1, feed.length() - ".ics".length()));
        return ids;
    }

    /** The JSON body of a sample event. */
    static Map<?, ?> sampleBody(String sample) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        return mapper.readValue(mapper.readTree(ContractTest.ROOT.resolve("events/" + sample).toFile()).get("body").asText(), Map.class);
    }

    /** events/expected.json: event file → its function and what it answers (an HTTP status, or the handler's result). */
    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(ContractTest.ROOT.resolve("events/expected.json").toFile());
    }

    @TestFactory
    List<DynamicTest> everySampleEventRunsThroughItsFunction() throws Exception {
        Template template = Template.load(ContractTest.ROOT.resolve("template.yaml"));
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode all = expected();
        Map<String, String> prepared = prepare();
        List<String> last = new ArrayList<>();
        all.get("_last").forEach(n -> last.add(n.asText()));
        List<Map.Entry<String, String>> ids = new ArrayList<>();
        all.get("_ids").fields().forEachRemaining(e -> ids.add(Map.entry(e.getValue().asText(), prepared.get(e.getKey()))));
        ids.sort((a, b) -> b.getKey().length() - a.getKey().length()); // the notification id holds the document id
        try (Stream<Path> listed = Files.list(ContractTest.ROOT.resolve("events"))) {
            List<Path> files = new ArrayList<>(listed.sorted().filter(f -> !f.getFileName().toString().equals("expected.json"))
                    .filter(f -> !last.contains(f.getFileName().toString())).toList());
            last.forEach(n -> files.add(ContractTest.ROOT.resolve("events").resolve(n)));
            for (Path sample : files) {
                JsonNode expected = all.get(sample.getFileName().toString());
                String text = Files.readString(sample);
                for (Map.Entry<String, String> id : ids) {
                    text = text.replace(id.getKey(), id.getValue());
                }
                Path file = Files.createTempDirectory("sample").resolve(sample.getFileName());
                Files.writeString(file, text);
                tests.add(DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
                    assertTrue(expected != null, "add the expected answer of " + sample.getFileName() + " to events/expected.json");
                    Object result = Invoke.invoke(template, expected.get("function").asText(), file, api.context());
                    if (expected.has("claims")) {
                        var event = assertInstanceOf(com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent.class, result);
                        assertEquals(new ObjectMapper().convertValue(expected.get("claims"), java.util.Map.class),
                                event.getResponse().getClaimsOverrideDetails().getClaimsToAddOrOverride());
                    } else if (expected.has("status")) {
                        APIGatewayV2HTTPResponse response = assertInstanceOf(APIGatewayV2HTTPResponse.class, result);
                        assertEquals(expected.get("status").asInt(), response.getStatusCode(), response::getBody);
                    } else if (expected.has("batchItemFailures")) {
                        JsonNode response = new ObjectMapper().valueToTree(result);
                        assertEquals(expected.get("batchItemFailures"), response.get("batchItemFailures"), response::toString);
                    } else if (expected.has("report")) {
                        JsonNode report = new ObjectMapper().valueToTree(result);
                        expected.get("report").forEach(field -> assertTrue(report.has(field.asText()), field + " in " + report));
                    } else {
                        assertEquals(new ObjectMapper().convertValue(expected.get("result"), List.class), result);
                    }
                }));
            }
        }
        return tests;
    }

    /** The samples show the product working: at most a third of them are refusals (a 4xx, an ignored event, no claims). */
    @org.junit.jupiter.api.Test
    void atMostAThirdOfTheSamplesAreRefusals() throws IOException {
        int samples = 0;
        List<String> refusals = new ArrayList<>();
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) () -> {
            try {
                return expected().fields();
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            samples++;
            JsonNode v = e.getValue();
            if (v.path("status").asInt(200) >= 400 || v.path("result").toString().contains("UNKNOWN_KEY")
                    || (v.has("claims") && v.get("claims").isEmpty())) {
                refusals.add(e.getKey());
            }
        }
        assertTrue(samples >= 40 && refusals.size() * 3 <= samples, refusals.size() + " of " + samples + " are refusals: " + refusals);
    }
}
