package com.example.clientmgmt.projects;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs as the functions write them (log4j2.xml, log-layout.json): one JSON object per line, carrying the
 * request ids and the caller; a failure the user sees as 500 names the same request id in its body and in
 * its log line, whose stack trace stays inside it.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class RequestLogTest {
    static volatile boolean failDynamo;

    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (failDynamo) {
                throw SdkClientException.create("the table is unreachable (injected by RequestLogTest)");
            }
        }
    });
    static final StringWriter LOG = new StringWriter();
    static WriterAppender capture;
    static ApiClient c;
    static World world;

    @BeforeAll
    static void captureLogs() {
        c = api.client();
        world = new World(c);
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        capture = WriterAppender.newBuilder().setName("capture").setTarget(LOG)
                .setLayout(logging.getConfiguration().getAppender("json").getLayout()).build();
        capture.start();
        logging.getConfiguration().getRootLogger().addAppender(capture, null, null);
        logging.updateLoggers();
    }

    @AfterAll
    static void stopCapture() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender("capture");
        logging.updateLoggers();
    }

    static List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : LOG.toString().split("\n")) {
            if (!line.isBlank()) {
                out.add(new ObjectMapper().readTree(line)); // every line is one JSON object, or this throws
            }
        }
        return out;
    }

    @Test
    void aFailureShowsTheSameRequestIdInTheAnswerAndInItsJsonLogLine() throws Exception {
        String project = world.project("Journaux " + System.nanoTime(), Map.of());
        failDynamo = true;
        ApiClient.Response response;
        try {
            response = c.get("/projects/" + project).token(world.owner).send();
        } finally {
            failDynamo = false;
        }
        assertEquals(500, response.status(), response.text());
        String requestId = response.header("apigw-requestid");
        assertNotNull(requestId);
        assertEquals(requestId, response.json().get("requestId").asText(), "the id the user can quote");
        JsonNode line = lines().stream().filter(l -> requestId.equals(l.path("api_request_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no log line carries " + requestId + ":\n" + LOG));
        assertEquals("ERROR", line.get("level").asText());
        assertEquals("owner", line.get("sub").asText());
        assertTrue(line.get("stack_trace").asText().contains("the table is unreachable"), "the stack trace stays in its event");
        assertTrue(line.get("stack_trace").asText().contains("\n\tat "), line.toString());
    }
}
