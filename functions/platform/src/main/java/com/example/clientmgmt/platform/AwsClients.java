package com.example.clientmgmt.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The AWS SDK clients every function shares: one URL-connection HTTP client (no Netty, no Apache: a
 * smaller jar and a faster cold start) and the SDK's own default chains for everything else. Credentials
 * and region are never chosen here: in Lambda the chain finds the role's credentials (with SnapStart, from
 * the container credentials endpoint, not from access-key variables); locally, scripts export the
 * emulator's keys. The endpoint is the SDK's too ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>});
 * only a test that talks to two emulators in one JVM sets {@code aws.endpoint.url} per context.
 */
@Factory
public class AwsClients {
    private final List<ExecutionInterceptor> interceptors;
    private final URI endpoint;

    /** Interceptors are beans that tests and benchmarks add (request counters, injected failures). */
    public AwsClients(List<ExecutionInterceptor> interceptors, @Nullable @Value("${aws.endpoint.url:}") String endpoint) {
        this.interceptors = interceptors;
        this.endpoint = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
    }

    /** The endpoint set for this context, or empty: the SDK's own resolution applies. */
    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
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
        return configure(DynamoDbClient.builder(), http).build();
    }

    /** The shared HTTP client and the interceptors, for any SDK client builder. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http) {
        return configure(builder, http, o -> { });
    }

    /** The same, with more of the client's configuration (its retry strategy, say) set by {@code more}. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, SdkHttpClient http, java.util.function.Consumer<ClientOverrideConfiguration.Builder> more) {
        builder.httpClient(http);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder().executionInterceptors(interceptors);
        more.accept(configuration);
        builder.overrideConfiguration(configuration.build());
        return builder;
    }
}
