package com.example.clientmgmt.testkit;

import java.net.URI;

/**
 * Where the AWS APIs are: {@code AWS_ENDPOINT_URL} (env or system property) when set, which is how
 * scripts/test points every test at the moto server it started; otherwise a LocalStack container started
 * once through Testcontainers, for machines with a Docker engine.
 */
public final class Emulator {
    private static volatile String endpoint;

    private Emulator() {}

    public static synchronized String endpoint() {
        if (endpoint == null) {
            String configured = System.getProperty("aws.endpointUrl", System.getenv("AWS_ENDPOINT_URL"));
            endpoint = configured != null && !configured.isBlank() ? configured : LocalStack.start();
            // the functions find credentials and region through the SDK's default chains, as in Lambda:
            // when the environment gives none (an IDE run), the emulator's go in system properties
            if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
                System.setProperty("aws.accessKeyId", "test");
                System.setProperty("aws.secretAccessKey", "test");
            }
            if (System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null) {
                System.setProperty("aws.region", AwsTestClients.REGION);
            }
        }
        return endpoint;
    }

    /** Kept apart so that Testcontainers classes load only when no endpoint is configured. */
    private static final class LocalStack {
        static String start() {
            try {
                var container = new org.testcontainers.localstack.LocalStackContainer(
                        org.testcontainers.utility.DockerImageName.parse("localstack/localstack:4"))
                        .withServices("dynamodb", "s3", "events", "sqs");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                return URI.create(container.getEndpoint().toString()).toString();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("No AWS endpoint: set AWS_ENDPOINT_URL (scripts/test starts moto and does)"
                        + " or run Docker for LocalStack via Testcontainers", e);
            }
        }
    }
}
