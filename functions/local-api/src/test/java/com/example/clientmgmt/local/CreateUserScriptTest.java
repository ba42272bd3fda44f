package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.Emulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/create-user against the emulator's Cognito: a user with their organization, an org admin, then an update. */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class CreateUserScriptTest {
    static String run(String... args) throws Exception {
        ProcessBuilder process = new ProcessBuilder(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(ContractTest.ROOT.resolve("scripts/create-user").toString()), java.util.Arrays.stream(args)).toList())
                .redirectErrorStream(true);
        process.environment().put("AWS_ENDPOINT_URL", Emulator.endpoint());
        process.environment().putIfAbsent("AWS_ACCESS_KEY_ID", "test");
        process.environment().putIfAbsent("AWS_SECRET_ACCESS_KEY", "test");
        process.environment().put("AWS_DEFAULT_REGION", AwsTestClients.REGION);
        Process started = process.start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, started.waitFor(), out);
        return out;
    }

    @Test
    void createsAUserWithTheirOrganizationAndTheAdminGroup() throws Exception {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(Emulator.endpoint())).region(Region.of(AwsTestClients.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String pool = cognito.createUserPool(b -> b.poolName("create-user-" + System.nanoTime())
                    .usernameAttributes(software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType.EMAIL)
                    .schema(s -> s.name("org").attributeDataType("String").mutable(true))).userPool().id();
            cognito.createGroup(b -> b.userPoolId(pool).groupName("org-admins"));

            String out = run("marie@example.ca", "demo-construction", "--org-admin", "--name", "Marie Tremblay", "--user-pool-id", pool);
            assertTrue(out.contains("created"), out);
            Map<String, String> attributes = cognito.adminGetUser(b -> b.userPoolId(pool).username("marie@example.ca"))
                    .userAttributes().stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
            assertEquals("demo-construction", attributes.get("custom:org"));
            assertEquals("fr-CA", attributes.get("locale"));
            assertEquals("Marie Tremblay", attributes.get("name"));
            assertEquals(List.of("org-admins"), cognito.adminListGroupsForUser(b -> b.userPoolId(pool).username("marie@example.ca"))
                    .groups().stream().map(GroupType::groupName).toList());

            out = run("marie@example.ca", "autre-entreprise", "--locale", "en", "--user-pool-id", pool);
            assertTrue(out.contains("already existed"), out);
            assertEquals("autre-entreprise", cognito.adminGetUser(b -> b.userPoolId(pool).username("marie@example.ca"))
                    .userAttributes().stream().filter(a -> a.name().equals("custom:org")).findFirst().orElseThrow().value());
        }
    }
}
