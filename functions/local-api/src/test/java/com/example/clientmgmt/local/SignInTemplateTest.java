package com.example.clientmgmt.local;

import com.example.clientmgmt.domain.OrganizationClaims;
import com.example.clientmgmt.testkit.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in part of template.yaml: what keeps a user from choosing their own organization, and how tokens reach the API. */
class SignInTemplateTest {
    static final Template TEMPLATE = Template.load(ContractTest.ROOT.resolve("template.yaml"));

    static Map<String, Object> properties(String resource) {
        return Template.properties(TEMPLATE.resources().get(resource));
    }

    @Test
    void usersCannotWriteTheirOwnOrganizationNorSignThemselvesUp() {
        List<?> writable = Template.list(properties("UserPoolClient").get("WriteAttributes"));
        assertFalse(writable.contains(OrganizationClaims.ORG_ATTRIBUTE), "the app client may write " + writable);
        assertTrue(Template.list(properties("UserPoolClient").get("ReadAttributes")).contains(OrganizationClaims.ORG_ATTRIBUTE));
        assertEquals(true, Template.map(properties("UserPool").get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly"));
        assertEquals(false, properties("UserPoolClient").get("GenerateSecret"), "a browser client: code with PKCE, no secret");
        assertEquals(List.of("code"), properties("UserPoolClient").get("AllowedOAuthFlows"));
        assertEquals(OrganizationClaims.ORG_ADMINS_GROUP, properties("OrgAdminsGroup").get("GroupName"));
    }

    @Test
    void theTriggerPutsTheClaimsInAndTheAuthorizerTrustsThePoolOrTheGivenIssuer() {
        Map<String, Object> event = Template.map(Template.map(properties("PreTokenFunction").get("Events")).get("PreTokenGeneration"));
        assertEquals("Cognito", event.get("Type"));
        assertEquals("PreTokenGeneration", Template.map(event.get("Properties")).get("Trigger"));
        Map<String, Object> jwt = Template.map(Template.map(Template.map(Template.map(properties("HttpApi").get("Auth"))
                .get("Authorizers")).get("CognitoJwt")).get("JwtConfiguration"));
        assertEquals("UseUserPool", Template.list(Template.map(jwt.get("issuer")).get("Fn::If")).get(0));
        assertEquals("UseUserPool", Template.list(Template.map(Template.list(jwt.get("audience")).get(0)).get("Fn::If")).get(0));
    }
}
