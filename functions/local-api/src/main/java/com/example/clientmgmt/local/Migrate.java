package com.example.clientmgmt.local;

import com.example.clientmgmt.platform.TableConfig;
import com.example.clientmgmt.storage.notifications.UnreadBackfill;
import com.example.clientmgmt.storage.readiness.ProjectDossiers;
import com.example.clientmgmt.storage.readiness.ReadinessBackfill;
import com.example.clientmgmt.storage.readiness.ReadinessStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

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
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            if (args[0].equals("unread-notifications")) {
                UnreadBackfill.Report report = new UnreadBackfill(dynamo, args[1]).run(System.err::println);
                System.out.println("unread-notifications: found=" + report.found() + " listed=" + report.listed());
            } else {
                // the stack's settings: ORG_TIME_ZONE and REQUIREMENTS_WARN_DAYS as the functions have them (defaults otherwise)
                String zone = System.getenv().getOrDefault("ORG_TIME_ZONE", "America/Toronto");
                int warnDays = Integer.parseInt(System.getenv().getOrDefault("REQUIREMENTS_WARN_DAYS", "14"));
                TableConfig table = new TableConfig(args[1]);
                ReadinessStore store = new ReadinessStore(dynamo, table, new ProjectDossiers(dynamo, table), zone, warnDays);
                ReadinessBackfill.Report report = new ReadinessBackfill(dynamo, args[1], store, Clock.systemUTC()).run(System.err::println);
                System.out.println("readiness-summaries: projects=" + report.projects() + " refreshed=" + report.refreshed()
                        + " failed=" + report.failed());
                if (report.failed() > 0) {
                    System.exit(1);
                }
            }
        }
    }
}
