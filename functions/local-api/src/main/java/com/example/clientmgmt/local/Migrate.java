package com.example.clientmgmt.local;

import com.example.clientmgmt.storage.notifications.UnreadBackfill;
import com.example.clientmgmt.storage.readiness.ReadinessBackfill;
import com.example.clientmgmt.storage.readiness.ReadinessStore;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/**
 * scripts/migrate MIGRATION TABLE: a one-off data migration of a deployed stack's table, with the SDK's default
 * credentials and region (AWS_PROFILE, AWS_REGION; AWS_ENDPOINT_URL for the emulator). Each is idempotent: run it again
 * after an interruption. Today: {@code unread-notifications} ({@link UnreadBackfill}) and
 * {@code readiness-summaries} ({@link ReadinessBackfill}).
 */
public final class Migrate {
    private Migrate() {}

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("unread-notifications") || args[0].equals("readiness-summaries"))) {
            System.err.println("usage: scripts/migrate unread-notifications|readiness-summaries TABLE_NAME");
            System.exit(2);
        }
        if (args[0].equals("readiness-summaries")) {
            runReadinessBackfill(args[1]);
            return;
        }
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            UnreadBackfill.Report report = new UnreadBackfill(dynamo, args[1]).run(System.err::println);
            System.out.println("unread-notifications: found=" + report.found() + " listed=" + report.listed());
        }
    }

    /**
     * Through the functions' own wiring and settings (application.properties, overridden by ORG_TIME_ZONE and
     * REQUIREMENTS_WARN_DAYS as the stack sets them), so the summaries are decided as a write decides them.
     */
    private static void runReadinessBackfill(String table) {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("table.name", table)).start()) {
            ReadinessBackfill.Report report = new ReadinessBackfill(context.getBean(DynamoDbClient.class), table,
                    context.getBean(ReadinessStore.class), Clock.systemUTC()).run(System.err::println);
            System.out.println("readiness-summaries: projects=" + report.projects() + " refreshed=" + report.refreshed()
                    + " failed=" + report.failed());
            if (report.failed() > 0) {
                System.exit(1);
            }
        }
    }
}
