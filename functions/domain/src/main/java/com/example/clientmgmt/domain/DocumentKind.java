package com.example.clientmgmt.domain;

/**
 * What an admin document is, in a Quebec contractor's terms: a contract, an insurance certificate, a bond
 * (cautionnement), a licence or permit (RBQ…), a compliance certificate (CNESST, Revenu Québec attestation),
 * or something else. Labels in French and English are in the web module's messages ({@code kind.*}).
 */
public enum DocumentKind {
    CONTRACT, INSURANCE, BOND, LICENCE_PERMIT, COMPLIANCE_CERTIFICATE, OTHER
}
