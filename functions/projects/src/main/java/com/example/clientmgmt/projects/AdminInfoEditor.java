package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.AdminInfoPatch;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.http.Etags;
import com.example.clientmgmt.storage.ProjectStore;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Applies a partial admin-info update: read the project, check the rules, write only the changed fields
 * with their history, conditioned on the version read. Without If-Match a concurrent change of other
 * fields is merged by re-reading and re-applying; with If-Match any concurrent change is a 412.
 */
@Singleton
public class AdminInfoEditor {
    static final int ATTEMPTS = 3;
    private final ProjectStore projects;
    private final Clock clock;

    public AdminInfoEditor(ProjectStore projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    public Project edit(Caller caller, String projectId, AdminInfoPatch patch, String ifMatch) {
        for (int attempt = 1; ; attempt++) {
            Project project = projects.find(caller.orgId(), projectId).orElse(null);
            ProjectAccess.requireAdminRead(project, caller);
            Etags.requireMatch(ifMatch, project.version());
            AdminInfo.Update update = project.adminInfo().apply(patch);
            ProjectAccess.requireAdminInfoChange(project, caller, update);
            if (update.changes().isEmpty()) {
                return project;
            }
            try {
                projects.updateAdminInfo(project, caller, update, clock.instant());
                // the write was conditioned on this version: the stored project is exactly this one, one version on
                return project.withAdminInfo(update.after());
            } catch (ProjectStore.StaleVersion stale) {
                if (attempt == ATTEMPTS) {
                    throw ProblemException.concurrentChange();
                }
                // another change landed first: the next round re-reads, and If-Match (if any) now fails
            }
        }
    }
}
