package com.example.clientmgmt.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics come out as CloudWatch embedded-metric-format lines with our namespace and dimensions, none while priming. */
class MetricsTest {
    static String captured(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMetricIsOneEmbeddedMetricFormatLine() throws Exception {
        Metrics metrics = new Metrics("ClientManagementTest");
        String line = captured(() -> metrics.record(Map.of("ProblemResponses", 1.0), Unit.COUNT, Map.of("Code", "NOT_FOUND"))).strip();
        JsonNode emf = new ObjectMapper().readTree(line);
        JsonNode definition = emf.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("ClientManagementTest", definition.get("Namespace").asText());
        assertEquals("ProblemResponses", definition.get("Metrics").get(0).get("Name").asText());
        assertEquals("[[\"Function\",\"Code\"]]", definition.get("Dimensions").toString());
        assertEquals("NOT_FOUND", emf.get("Code").asText());
        assertEquals(1.0, emf.get("ProblemResponses").asDouble());
    }

    @Test
    void nothingIsRecordedWhilePriming() {
        Metrics metrics = new Metrics("ClientManagementTest");
        assertTrue(captured(() -> Metrics.muted(() -> metrics.count("RemindersFired", 3))).isBlank());
    }
}
