package com.example.clientmgmt.domain;

/** Which project of which organization: what names a project across organizations (the reminder sweep). */
public record ProjectRef(String orgId, String projectId) {
    public static ProjectRef of(Project project) {
        return new ProjectRef(project.orgId(), project.id());
    }

    public static ProjectRef of(AdminDocument document) {
        return new ProjectRef(document.orgId(), document.projectId());
    }
}
