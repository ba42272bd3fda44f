package com.example.clientmgmt.domain;

import java.util.Optional;

/**
 * Setting (or, with NONE, removing) a user's permission on a project, decided as a value: who, from what to what,
 * and which other ADMIN member must still be one when the write lands, so that two ADMINs demoting each other at
 * the same time cannot both succeed (the project would be left without one). Storage writes it in one conditioned
 * transaction, with its admin-history entry ({@link #historyLine()}: {@code members.<userId>}, from → to).
 */
public record MemberChange(String orgId, String projectId, String userId, Permission from, Permission to, String adminWhoMustStay) {
    /** The admin-history field of a member's permission: {@code members.<userId>}. */
    public static final String FIELD = "members.";
    /**
     * The most members a project holds: its members live in the project's item, which must stay far below DynamoDB's
     * 400 KB (at the limit every write of the project would be refused).
     */
    public static final int MAX_MEMBERS = 200;

    /**
     * The change {@code caller} asks for on {@code project} as read: refused as {@link ProjectAccess#requireMemberChange}
     * says (404, 403, 409 closed, 409 LAST_ADMIN), empty when the user already has that permission; a new member
     * beyond {@link #MAX_MEMBERS} is refused (409 TOO_MANY_MEMBERS), a bound the write holds too ({@link #adds()}).
     */
    public static Optional<MemberChange> of(Project project, Caller caller, String userId, Permission to) {
        ProjectAccess.requireMemberChange(project, caller, userId, to);
        Permission from = project.permissionOf(userId);
        if (from == to) {
            return Optional.empty();
        }
        if (from == Permission.NONE && project.members().size() >= MAX_MEMBERS) {
            throw new ProblemException(ProblemCode.CONFLICT, "TOO_MANY_MEMBERS", java.util.List.of(MAX_MEMBERS), java.util.List.of());
        }
        return Optional.of(new MemberChange(project.orgId(), project.id(), userId, from, to,
                from == Permission.ADMIN ? ProjectAccess.otherAdmin(project, userId) : null));
    }

    /** Whether it adds a member: then the write requires the project, as stored, to hold fewer than {@link #MAX_MEMBERS}. */
    public boolean adds() {
        return from == Permission.NONE && to != Permission.NONE;
    }

    public FieldChange historyLine() {
        return new FieldChange(FIELD + userId, from.name(), to.name());
    }
}
