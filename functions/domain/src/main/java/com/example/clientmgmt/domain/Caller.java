package com.example.clientmgmt.domain;

/**
 * Who is calling, as the verified JWT says: user id ({@code sub}), organization ({@code org}) and whether
 * the user is an organization admin ({@code org_admin}). Never built from a header or a body field.
 */
public record Caller(String userId, String orgId, boolean orgAdmin) {
    public Caller {
        if (userId == null || userId.isBlank() || orgId == null || orgId.isBlank()) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED);
        }
    }
}
