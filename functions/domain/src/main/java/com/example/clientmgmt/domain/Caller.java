package com.example.clientmgmt.domain;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who is calling, as the verified JWT says: user id ({@code sub}), organization ({@code org}) and whether
 * the user is an organization admin ({@code org_admin}). Never built from a header or a body field.
 * Both ids are 1 to 128 printable ASCII characters without {@code #} ({@link #ID}): storage keys join ids with
 * {@code #}, so an organization id holding one could fall inside another tenant's key space. Anything else: 401.
 */
public record Caller(String userId, String orgId, boolean orgAdmin) {
    /** The shape of a user or organization id a token may carry. */
    public static final Pattern ID = Pattern.compile("[\\x21-\\x22\\x24-\\x7E]{1,128}");
    /** The claim Cognito sets to {@code id} in ID tokens ({@code access} in access tokens). */
    public static final String TOKEN_USE = "token_use";

    public Caller {
        if (userId == null || orgId == null || !ID.matcher(userId).matches() || !ID.matcher(orgId).matches()) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED);
        }
    }

    /**
     * The caller the verified claims name. {@code token_use}, when present, must be {@code id} (an access token
     * carries no profile and is not what the API is given); {@code tokenUseRequired} (this stack's own user pool,
     * whose ID tokens always carry it) refuses a token without it.
     */
    public static Caller fromClaims(Map<String, String> claims, boolean tokenUseRequired) {
        if (claims == null) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED);
        }
        String tokenUse = claims.get(TOKEN_USE);
        if (tokenUse == null ? tokenUseRequired : !tokenUse.equals("id")) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED);
        }
        return new Caller(claims.get(OrganizationClaims.SUB), claims.get(OrganizationClaims.ORG),
                "true".equalsIgnoreCase(claims.get(OrganizationClaims.ORG_ADMIN)));
    }
}
