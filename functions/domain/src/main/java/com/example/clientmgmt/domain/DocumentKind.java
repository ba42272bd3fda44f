package com.example.clientmgmt.domain;

/**
 * What an admin document is, in a Quebec contractor's terms: a contract, an insurance certificate, a bond
 * (cautionnement), a licence or permit, a compliance certificate, or something else; and the documents a public
 * body's call for tenders asks for by name (SPEC v3): the Revenu Québec attestation, the Autorité des marchés
 * publics' authorization, the RBQ licence, the CNESST certificate, the CCQ's statement (lettre d'état de situation),
 * the bid bond (cautionnement de soumission), the performance bond (d'exécution) and the labour and materials
 * bond (obligations salariales, matériaux et services). A requirement is met only by a document of its own kind.
 * Labels in French and English are in the web module's messages ({@code kind.*}).
 */
public enum DocumentKind {
    CONTRACT, INSURANCE, BOND, LICENCE_PERMIT, COMPLIANCE_CERTIFICATE, OTHER,
    REVENU_QUEBEC_ATTESTATION, AMP_AUTHORIZATION, RBQ_LICENCE, CNESST_CERTIFICATE, CCQ_STATEMENT,
    BID_BOND, PERFORMANCE_BOND, LABOUR_MATERIALS_BOND
}
