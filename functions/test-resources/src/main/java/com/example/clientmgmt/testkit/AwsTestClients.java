package com.example.clientmgmt.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/** SDK clients pointed at the emulator, for provisioning and for tests that look behind the API. */
public record AwsTestClients(String endpoint, DynamoDbClient dynamoDb, S3Client s3, EventBridgeClient eventBridge, SqsClient sqs,
                             SesV2Client ses) {
    public static final String REGION = "us-east-1";

    public static AwsTestClients forEndpoint(String endpoint) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        var http = UrlConnectionHttpClient.create();
        URI uri = URI.create(endpoint);
        Region region = Region.of(REGION);
        return new AwsTestClients(endpoint,
                DynamoDbClient.builder().endpointOverride(uri).region(region).credentialsProvider(credentials).httpClient(http).build(),
                S3Client.builder().endpointOverride(uri).region(region).credentialsProvider(credentials).httpClient(http)
                        .forcePathStyle(true).build(),
                EventBridgeClient.builder().endpointOverride(uri).region(region).credentialsProvider(credentials).httpClient(http).build(),
                SqsClient.builder().endpointOverride(uri).region(region).credentialsProvider(credentials).httpClient(http).build(),
                SesV2Client.builder().endpointOverride(uri).region(region).credentialsProvider(credentials).httpClient(http).build());
    }
}
