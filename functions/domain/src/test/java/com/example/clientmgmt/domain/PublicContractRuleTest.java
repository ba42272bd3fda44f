package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public-contract rule follows the admin info: PUBLIC and at least 25,000 CAD, nothing else. */
class PublicContractRuleTest {
    static AdminInfo info(ClientType type, String amount, String currency) {
        return new AdminInfo(null, null, null, null, ProjectState.BIDDING,
                amount == null ? null : new Money(new BigDecimal(amount), currency), type);
    }

    @Test
    void aPublicProjectOf25000CadOrMoreRequiresAnAttestationBySubmission() {
        Requirement r = PublicContractRule.requirement(info(ClientType.PUBLIC, "25000", "CAD")).orElseThrow();
        assertEquals(DocumentKind.REVENU_QUEBEC_ATTESTATION, r.kind());
        assertEquals(NeededBy.SUBMISSION, r.neededBy());
        assertEquals(RequirementSource.RULE, r.source());
        assertTrue(PublicContractRule.requirement(info(ClientType.PUBLIC, "40000.00", "CAD")).isPresent());
    }

    @Test
    void belowTheThresholdPrivateWithoutBudgetOrInAnotherCurrencyThereIsNone() {
        for (AdminInfo none : List.of(info(ClientType.PUBLIC, "24999.99", "CAD"), info(ClientType.PRIVATE, "40000", "CAD"),
                info(ClientType.PUBLIC, null, null), info(ClientType.PUBLIC, "40000", "USD"))) {
            assertTrue(PublicContractRule.requirement(none).isEmpty(), none.toString());
        }
    }

    @Test
    void itComesFirstAmongAProjectsRequirementsAndGoesWithTheBudget() {
        ProjectRequirements stored = new ProjectRequirements(List.of(new Requirement("a", DocumentKind.BID_BOND, null,
                NeededBy.SUBMISSION, null, null, RequirementSource.MANUAL, null)), List.of(), 1);
        assertEquals(List.of(RequirementSource.RULE, RequirementSource.MANUAL),
                stored.all(info(ClientType.PUBLIC, "40000", "CAD")).stream().map(Requirement::source).toList());
        assertEquals(List.of(RequirementSource.MANUAL),
                stored.all(info(ClientType.PUBLIC, "20000", "CAD")).stream().map(Requirement::source).toList());
    }
}
