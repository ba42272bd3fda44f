package com.example.clientmgmt.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
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
    static TestApi api = new TestApi();

    /** events/expected.json: event file → its function and what it answers (an HTTP status, or the handler's result). */
    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(ContractTest.ROOT.resolve("events/expected.json").toFile());
    }

    @TestFactory
    List<DynamicTest> everySampleEventRunsThroughItsFunction() throws IOException {
        Template template = Template.load(ContractTest.ROOT.resolve("template.yaml"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(ContractTest.ROOT.resolve("events"))) {
            JsonNode all = expected();
            for (Path file : files.sorted().filter(f -> !f.getFileName().toString().equals("expected.json")).toList()) {
                JsonNode expected = all.get(file.getFileName().toString());
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    assertTrue(expected != null, "add the expected answer of " + file.getFileName() + " to events/expected.json");
                    Object result = Invoke.invoke(template, expected.get("function").asText(), file, api.context());
                    if (expected.has("claims")) {
                        var event = assertInstanceOf(com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent.class, result);
                        assertEquals(new ObjectMapper().convertValue(expected.get("claims"), java.util.Map.class),
                                event.getResponse().getClaimsOverrideDetails().getClaimsToAddOrOverride());
                    } else if (expected.has("status")) {
                        APIGatewayV2HTTPResponse response = assertInstanceOf(APIGatewayV2HTTPResponse.class, result);
                        assertEquals(expected.get("status").asInt(), response.getStatusCode(), response::getBody);
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
}
