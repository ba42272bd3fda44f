package com.example.clientmgmt.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user's ID token says about their organization, decided at sign-in by the user pool's
 * pre-token-generation trigger: {@code org} is the user's {@code custom:org} attribute (set by an
 * administrator; the frontend's app client cannot write it), {@code org_admin} is membership of the
 * {@code org-admins} group. A user without an organization gets neither, and every route answers 401.
 */
public final class OrganizationClaims {
    /** The user attribute an administrator sets (scripts/create-user). */
    public static final String ORG_ATTRIBUTE = "custom:org";
    /** The user-pool group of organization admins. */
    public static final String ORG_ADMINS_GROUP = "org-admins";
    /** The claims the functions read (API Gateway passes them from the verified token). */
    public static final String SUB = "sub";
    public static final String ORG = "org";
    public static final String ORG_ADMIN = "org_admin";
    /** Standard ID-token claims the product remembers to reach the user (reminder e-mails). */
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    public static final String LOCALE = "locale";

    private OrganizationClaims() {}

    /** The claims to add to (or override in) the ID token of a user with these attributes and groups. */
    public static Map<String, String> of(Map<String, String> userAttributes, Collection<String> groups) {
        Map<String, String> claims = new LinkedHashMap<>();
        String org = userAttributes == null ? null : userAttributes.get(ORG_ATTRIBUTE);
        if (org == null || org.isBlank()) {
            return claims;
        }
        claims.put(ORG, org.strip());
        if (groups != null && groups.contains(ORG_ADMINS_GROUP)) {
            claims.put(ORG_ADMIN, "true");
        }
        return claims;
    }
}
