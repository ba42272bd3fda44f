package com.example.clientmgmt.domain;

/**
 * The permission matrix and the closed-project rule, in one place: every handler asks here before it
 * reads or changes anything of a project. A project of another organization never reaches this class
 * (its key includes the organization), so it is "missing" exactly as an unknown id is.
 */
public final class ProjectAccess {
    private ProjectAccess() {}

    /**
     * The caller's permission on a project of their organization: an organization admin acts as ADMIN on
     * every one of them, member or not; anybody else has the permission they hold as a member (NONE if none).
     */
    public static Permission permissionOf(Project project, Caller caller) {
        return caller.orgAdmin() ? Permission.ADMIN : project.permissionOf(caller.userId());
    }

    /** Whether the caller may read {@code project} now (null: gone): what a notification of it may still show them. */
    public static boolean mayRead(Project project, Caller caller) {
        return project != null && permissionOf(project, caller).canRead();
    }

    /** LIMITED or ADMIN may read; NONE gets 403, a missing project 404. Closed projects stay readable. */
    public static Permission requireRead(Project project, Caller caller) {
        Permission permission = permissionOf(existing(project), caller);
        if (!permission.canRead()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        return permission;
    }

    /** Only ADMIN may read what is ADMIN-only (budget history, members). */
    public static void requireAdminRead(Project project, Caller caller) {
        if (!requireRead(project, caller).canChange()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    /**
     * Any write to contacts, documents, reminders or members: ADMIN only, and never on a closed project.
     * The permission is checked first so that a non-member learns nothing about the project's state.
     */
    public static void requireChange(Project project, Caller caller) {
        requireAdminRead(project, caller);
        if (project.state().isClosed()) {
            throw new ProblemException(ProblemCode.PROJECT_CLOSED);
        }
    }

    /**
     * A change of admin info. A closed project accepts exactly one change: reopening it (the state, and
     * nothing else, set back to an open state).
     */
    public static void requireAdminInfoChange(Project project, Caller caller, AdminInfo.Update update) {
        requireAdminRead(project, caller);
        if (project.state().isClosed()) {
            boolean reopensOnly = update.changesState() && !update.after().state().isClosed()
                    && !update.changesMoreThanState();
            if (!reopensOnly) {
                throw new ProblemException(ProblemCode.PROJECT_CLOSED);
            }
        }
    }

    /**
     * A change of {@code userId}'s permission to {@code to}: an ADMIN's change (see {@link #requireChange}), which
     * never leaves the project without an ADMIN member — removing or downgrading the last one is refused
     * (409 LAST_ADMIN), whoever asks, themselves included. An organization admin who is not a member does not
     * count: the project must keep a member who receives its reminders.
     */
    public static void requireMemberChange(Project project, Caller caller, String userId, Permission to) {
        requireChange(project, caller);
        if (project.permissionOf(userId) == Permission.ADMIN && to != Permission.ADMIN && otherAdmin(project, userId) == null) {
            throw new ProblemException(ProblemCode.LAST_ADMIN, "LAST_ADMIN", java.util.List.of(userId), java.util.List.of());
        }
    }

    /** An ADMIN member other than {@code userId} (the first in id order), or null when there is none. */
    public static String otherAdmin(Project project, String userId) {
        return admins(project).stream().filter(u -> !u.equals(userId)).findFirst().orElse(null);
    }

    /** Creating a project is for organization admins. */
    public static void requireOrgAdmin(Caller caller) {
        if (!caller.orgAdmin()) {
            throw new ProblemException(ProblemCode.FORBIDDEN, "ORG_ADMIN_REQUIRED", java.util.List.of(), java.util.List.of());
        }
    }

    private static Project existing(Project project) {
        if (project == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return project;
    }

    /** Who is told about a project's documents: every member with ADMIN permission, now (not organization admins who are not members). */
    public static java.util.List<String> admins(Project project) {
        return project.members().entrySet().stream().filter(e -> e.getValue() == Permission.ADMIN)
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }
}
