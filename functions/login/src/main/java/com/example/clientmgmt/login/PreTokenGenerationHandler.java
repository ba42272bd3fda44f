package com.example.clientmgmt.login;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails;
import com.example.clientmgmt.domain.OrganizationClaims;

import java.util.List;
import java.util.Map;

/**
 * PreTokenFunction: Cognito calls it (pre-token-generation trigger, event version 1) before issuing tokens;
 * it adds {@code org} and {@code org_admin} to the ID token the frontend sends to the API (see
 * {@link OrganizationClaims}). It answers the event with its {@code response} filled in, as Cognito expects.
 */
public class PreTokenGenerationHandler implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {
    @Override
    public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event, Context context) {
        CognitoUserPoolPreTokenGenerationEvent.Request request = event.getRequest();
        Map<String, String> attributes = request == null ? Map.of() : request.getUserAttributes();
        List<String> groups = request == null || request.getGroupConfiguration() == null
                || request.getGroupConfiguration().getGroupsToOverride() == null
                ? List.of() : List.of(request.getGroupConfiguration().getGroupsToOverride());
        Map<String, String> claims = OrganizationClaims.of(attributes, groups);
        event.setResponse(CognitoUserPoolPreTokenGenerationEvent.Response.builder()
                .withClaimsOverrideDetails(ClaimsOverrideDetails.builder().withClaimsToAddOrOverride(claims).build())
                .build());
        return event;
    }
}
