package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The claim mapping of the pre-token-generation trigger: org admin, plain member, no organization. */
class OrganizationClaimsTest {
    @Test
    void anOrgAdminGetsTheOrganizationAndTheAdminClaim() {
        assertEquals(Map.of("org", "demo-construction", "org_admin", "true"),
                OrganizationClaims.of(Map.of("custom:org", "demo-construction", "email", "m@x.ca"), List.of("org-admins", "other")));
    }

    @Test
    void aPlainMemberGetsTheOrganizationOnly() {
        assertEquals(Map.of("org", "demo-construction"), OrganizationClaims.of(Map.of("custom:org", " demo-construction "), List.of()));
        assertEquals(Map.of("org", "demo-construction"), OrganizationClaims.of(Map.of("custom:org", "demo-construction"), null));
    }

    @Test
    void aUserWithoutAnOrganizationGetsNothingEvenInTheAdminGroup() {
        assertEquals(Map.of(), OrganizationClaims.of(Map.of("email", "x@y.ca"), List.of("org-admins")));
        assertEquals(Map.of(), OrganizationClaims.of(Map.of("custom:org", "  "), List.of("org-admins")));
        assertEquals(Map.of(), OrganizationClaims.of(null, null));
    }
}
