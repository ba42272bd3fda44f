package com.example.clientmgmt.local;

import com.example.clientmgmt.storage.notifications.UnreadBackfill;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * scripts/migrate MIGRATION TABLE: a one-off data migration of a deployed stack's table, with the SDK's default
 * credentials and region (AWS_PROFILE, AWS_REGION; AWS_ENDPOINT_URL for the emulator). Each is idempotent: run it again
 * after an interruption. Today: {@code unread-notifications} ({@link UnreadBackfill}).
 */
public final class Migrate {
    private Migrate() {}

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("unread-notifications")) {
            System.err.println("usage: scripts/migrate unread-notifications TABLE_NAME");
            System.exit(2);
        }
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            UnreadBackfill.Report report = new UnreadBackfill(dynamo, args[1]).run(System.err::println);
            System.out.println("unread-notifications: found=" + report.found() + " listed=" + report.listed());
        }
    }
}
