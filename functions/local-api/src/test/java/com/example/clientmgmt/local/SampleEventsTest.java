package com.example.clientmgmt.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.clientmgmt.reminders.ReminderSweep;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import org.junit.jupiter.api.DynamicTest;
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
class SampleEventsTest {
    @RegisterExtension
    static TestApi api = new TestApi();

    /** event file → (function, what it answers: an HTTP status, or the handler's result). */
    static final Map<String, Object[]> EXPECTED = Map.of(
            "projects-list.json", new Object[] {"ProjectsFunction", 200},
            "projects-create.json", new Object[] {"ProjectsFunction", 201},
            "projects-list-no-claims.json", new Object[] {"ProjectsFunction", 401},
            "contacts-search-directory.json", new Object[] {"ContactsFunction", 200},
            "contacts-add-person.json", new Object[] {"ContactsFunction", 201},
            "documents-list-unknown-project.json", new Object[] {"DocumentsFunction", 404},
            "notifications-list.json", new Object[] {"NotificationsFunction", 200},
            "reminder-schedule.json", new Object[] {"ReminderFunction", "sweep"},
            "s3-document-uploaded.json", new Object[] {"UploadEventsFunction", List.of("UNKNOWN_KEY")});

    @TestFactory
    List<DynamicTest> everySampleEventRunsThroughItsFunction() throws IOException {
        Template template = Template.load(ContractTest.ROOT.resolve("template.yaml"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(ContractTest.ROOT.resolve("events"))) {
            for (Path file : files.sorted().toList()) {
                Object[] expected = EXPECTED.get(file.getFileName().toString());
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    assertTrue(expected != null, "add the expected answer of " + file.getFileName() + " to this test");
                    Object result = Invoke.invoke(template, (String) expected[0], file, api.context());
                    if (expected[1] instanceof Integer status) {
                        APIGatewayV2HTTPResponse response = assertInstanceOf(APIGatewayV2HTTPResponse.class, result);
                        assertEquals(status, response.getStatusCode(), response::getBody);
                    } else if ("sweep".equals(expected[1])) {
                        assertInstanceOf(ReminderSweep.Report.class, result);
                    } else {
                        assertEquals(expected[1], result);
                    }
                }));
            }
        }
        return tests;
    }
}
