package com.example.clientmgmt.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Quebec's rule for public contracts (the public-contract regulations, art. 37.3, and the construction-contract
 * regulation): a contractor bidding for a public body's contract of 25,000 $ or more must hold a Revenu Québec
 * attestation, issued no later than the submission deadline. So a PUBLIC project whose estimated budget is at least
 * 25,000 CAD requires one by its submission deadline. The requirement follows the admin info: it appears and
 * disappears with those fields and is never stored. A budget in another currency triggers nothing (no conversion).
 */
public final class PublicContractRule {
    public static final BigDecimal THRESHOLD_CAD = new BigDecimal("25000");
    /** The rule's requirement id: fixed, so that readiness and history name it alike. */
    public static final String REQUIREMENT_ID = "rule-revenu-quebec-attestation";
    /** Why it applies, for those who may see the budget. */
    public static final String REASON = "PUBLIC_CONTRACT_OVER_25000_CAD";

    private PublicContractRule() {}

    /** The requirement the rule adds to a project with {@code info}, if any. */
    public static Optional<Requirement> requirement(AdminInfo info) {
        Money budget = info.estimatedBudget();
        boolean applies = info.clientType() == ClientType.PUBLIC && budget != null && "CAD".equals(budget.currency())
                && budget.amount().compareTo(THRESHOLD_CAD) >= 0;
        return applies ? Optional.of(new Requirement(REQUIREMENT_ID, DocumentKind.REVENU_QUEBEC_ATTESTATION, null,
                NeededBy.SUBMISSION, null, null, RequirementSource.RULE, null)) : Optional.empty();
    }
}
