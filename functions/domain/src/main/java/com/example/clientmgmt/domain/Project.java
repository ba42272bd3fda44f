package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A construction project of an organization, with its admin info, who holds which Project-Admin
 * permission on it, and which directory person is its client contact in each role. {@code version} counts admin-info changes (the ETag clients send back in If-Match).
 */
public record Project(
        String orgId,
        String id,
        String name,
        AdminInfo adminInfo,
        long version,
        Map<String, Permission> members,
        Map<ContactRole, ClientContact> clientContacts,
        Instant createdAt,
        String createdBy) {

    public Project {
        members = Map.copyOf(members);
        clientContacts = Map.copyOf(clientContacts);
    }

    /** The same project after an admin-info change: one version on. */
    public Project withAdminInfo(AdminInfo after) {
        return new Project(orgId, id, name, after, version + 1, members, clientContacts, createdAt, createdBy);
    }

    public ProjectState state() {
        return adminInfo.state();
    }

    /** The caller's permission here; anyone not listed has NONE. */
    public Permission permissionOf(String userId) {
        return members.getOrDefault(userId, Permission.NONE);
    }
}
