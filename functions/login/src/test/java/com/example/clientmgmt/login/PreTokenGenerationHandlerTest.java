package com.example.clientmgmt.login;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trigger on the sample events, read and written with the Lambda runtime's own serializer for Cognito
 * events: the answer Cognito receives carries the claims to add, and nothing for a user without organization.
 */
class PreTokenGenerationHandlerTest {
    static final PojoSerializer<CognitoUserPoolPreTokenGenerationEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(CognitoUserPoolPreTokenGenerationEvent.class, PreTokenGenerationHandlerTest.class.getClassLoader());

    static String answer(String sample) throws Exception {
        Path file = Path.of("../../events", sample);
        CognitoUserPoolPreTokenGenerationEvent event;
        try (InputStream in = Files.newInputStream(file)) {
            event = SERIALIZER.fromJson(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SERIALIZER.toJson(new PreTokenGenerationHandler().handleRequest(event, null), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anOrgAdminsIdTokenGetsTheOrganizationClaims() throws Exception {
        String json = answer("cognito-pre-token.json");
        assertTrue(json.contains("\"claimsToAddOrOverride\":{\"org\":\"demo-construction\",\"org_admin\":\"true\"}"), json);
    }

    @Test
    void aUserWithoutOrganizationGetsNoClaimAtAll() throws Exception {
        String json = answer("cognito-pre-token-no-org.json");
        assertTrue(json.contains("\"claimsToAddOrOverride\":{}"), json);
        CognitoUserPoolPreTokenGenerationEvent event = new PreTokenGenerationHandler().handleRequest(
                new CognitoUserPoolPreTokenGenerationEvent(), null);
        assertEquals(Map.of(), event.getResponse().getClaimsOverrideDetails().getClaimsToAddOrOverride());
    }
}
