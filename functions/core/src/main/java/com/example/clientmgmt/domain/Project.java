package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A construction project of an organization, with its admin info and who holds which Project-Admin
 * permission on it. {@code version} counts admin-info changes (the ETag clients send back in If-Match).
 */
public record Project(
        String orgId,
        String id,
        String name,
        AdminInfo adminInfo,
        long version,
        Map<String, Permission> members,
        Instant createdAt,
        String createdBy) {

    public Project {
        members = Map.copyOf(members);
    }

    public ProjectState state() {
        return adminInfo.state();
    }

    /** The caller's permission here; anyone not listed has NONE. */
    public Permission permissionOf(String userId) {
        return members.getOrDefault(userId, Permission.NONE);
    }
}
