package com.example.clientmgmt.storage;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The AWS SDK clients every function shares: the URL-connection HTTP client (no Netty, no Apache: a
 * smaller jar and a faster cold start), the Lambda's region and credentials from the environment, and in
 * development the emulator's endpoint ({@code aws.endpoint.url}, i.e. env {@code AWS_ENDPOINT_URL}).
 */
@Factory
public class AwsClients {
    private final String endpoint;
    private final String region;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClients(@Nullable @Value("${aws.endpoint.url:}") String endpoint,
                      @Nullable @Value("${aws.region:}") String region,
                      List<ExecutionInterceptor> interceptors) {
        this.endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint;
        this.region = region == null || region.isBlank() ? System.getenv().getOrDefault("AWS_REGION", "us-east-1") : region;
        this.interceptors = interceptors;
    }

    @Singleton
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Singleton
    DynamoDbClient dynamoDb(SdkHttpClient http) {
        var builder = DynamoDbClient.builder().httpClient(http);
        configure(builder);
        return builder.build();
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reminders fire at 07:00 in this zone (env {@code ORG_TIME_ZONE}, default America/Toronto). */
    @Singleton
    com.example.clientmgmt.domain.ReminderSchedule reminderSchedule(@Value("${org.time.zone:America/Toronto}") String zone) {
        return new com.example.clientmgmt.domain.ReminderSchedule(java.time.ZoneId.of(zone));
    }

    /** True when the AWS APIs are an emulator's (local development and tests): S3 then needs path-style URLs. */
    public boolean usesEmulator() {
        return endpoint != null;
    }

    /** Region, credentials, endpoint and interceptors for any SDK client builder. */
    public <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(region)).credentialsProvider(credentials());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build());
        return builder;
    }

    public Region region() {
        return Region.of(region);
    }

    /** The emulator's endpoint, or null in AWS. */
    public URI endpoint() {
        return endpoint == null ? null : URI.create(endpoint);
    }

    public AwsCredentialsProvider credentials() {
        // The emulator accepts any key; in Lambda the runtime puts the role's keys in the environment.
        if (endpoint != null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
