package com.example.clientmgmt.storage.readiness;

import com.example.clientmgmt.storage.Attrs;
import com.example.clientmgmt.storage.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * scripts/migrate readiness-summaries: a readiness summary for every project, so that projects whose last write came
 * before summaries existed are on the organization's list and in the readiness sweep. Scans the project items and
 * refreshes each one's summary as a write would ({@link ReadinessStore#refresh}); idempotent, run again after an
 * interruption (a project written meanwhile is simply refreshed once more).
 */
public final class ReadinessBackfill {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ReadinessStore readiness;
    private final Clock clock;

    public ReadinessBackfill(DynamoDbClient dynamo, String table, ReadinessStore readiness, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.readiness = readiness;
        this.clock = clock;
    }

    /** What a run did: projects found, summaries written, failures (logged through {@code progress}; run again). */
    public record Report(int projects, int refreshed, int failed) {}

    public Report run(Consumer<String> progress) {
        int projects = 0, refreshed = 0, failed = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("#sk = :project")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":project", AttributeValue.fromS(Keys.PROJECT)))
                    .projectionExpression("#pk");
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = dynamo.scan(scan.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String[] project = Keys.projectOf(Attrs.str(item, Keys.PK));
                if (project == null) {
                    continue;
                }
                projects++;
                try {
                    readiness.refresh(project[0], project[1], clock.instant(), readiness.defaultZone(), null);
                    refreshed++;
                } catch (RuntimeException e) {
                    failed++;
                    progress.accept("project " + project[1] + " of " + project[0] + " not refreshed: " + e);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            progress.accept("readiness summaries: " + projects + " projects, " + refreshed + " refreshed, " + failed + " failed"
                    + (start == null ? " (done)" : ", going on"));
        } while (start != null);
        return new Report(projects, refreshed, failed);
    }
}
