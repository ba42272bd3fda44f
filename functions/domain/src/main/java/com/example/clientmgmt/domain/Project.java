package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A construction project of an organization, with its admin info, who holds which Project-Admin
 * permission on it, and which directory person is its client contact in each role. {@code version} counts admin-info
 * changes (the ETag clients send back in If-Match); {@code limitedVersion} is the version at the last change of what a
 * LIMITED member sees (everything but the budget): their view's version and ETag, so a budget-only change does not
 * show them that the budget changed.
 */
public record Project(
        String orgId,
        String id,
        String name,
        AdminInfo adminInfo,
        long version,
        long limitedVersion,
        Map<String, Permission> members,
        Map<ContactRole, ClientContact> clientContacts,
        Instant createdAt,
        String createdBy) {

    public Project {
        members = Map.copyOf(members);
        clientContacts = Map.copyOf(clientContacts);
    }

    /** A project whose every change so far showed to LIMITED members too (or that was never changed). */
    public Project(String orgId, String id, String name, AdminInfo adminInfo, long version, Map<String, Permission> members,
                   Map<ContactRole, ClientContact> clientContacts, Instant createdAt, String createdBy) {
        this(orgId, id, name, adminInfo, version, version, members, clientContacts, createdAt, createdBy);
    }

    /**
     * The same project after an admin-info change: one version on; LIMITED's version moves with it only when what they
     * see changed.
     */
    public Project withAdminInfo(AdminInfo after) {
        boolean limitedSeesIt = !adminInfo.visibleTo(Permission.LIMITED).equals(after.visibleTo(Permission.LIMITED));
        return new Project(orgId, id, name, after, version + 1, limitedSeesIt ? version + 1 : limitedVersion, members,
                clientContacts, createdAt, createdBy);
    }

    /** The version {@code permission} is shown (body and ETag): LIMITED's own, the full one for ADMIN. */
    public long versionSeenBy(Permission permission) {
        return permission.seesBudget() ? version : limitedVersion;
    }

    public ProjectState state() {
        return adminInfo.state();
    }

    /** The caller's permission here; anyone not listed has NONE. */
    public Permission permissionOf(String userId) {
        return members.getOrDefault(userId, Permission.NONE);
    }
}
