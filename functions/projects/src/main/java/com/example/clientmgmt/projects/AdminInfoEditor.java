package com.example.clientmgmt.projects;

import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.AdminInfoPatch;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.http.Etags;
import com.example.clientmgmt.storage.project.ProjectStore;
import com.example.clientmgmt.storage.reminders.ReminderParking;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Applies a partial admin-info update: read the project, check the rules, write only the changed fields
 * with their history, conditioned on the version read. Without If-Match the caller asked "apply my fields":
 * a concurrent change is merged by re-reading and re-applying, after a random pause that grows with each
 * attempt (full jitter, so that contenders spread out), up to {@link #ATTEMPTS} times, so that contention
 * rarely reaches the caller as 409. With If-Match any concurrent change is a 412.
 */
@Singleton
public class AdminInfoEditor {
    static final int ATTEMPTS = 20;
    /** The pause before attempt n is random in [0, min(CAP, BASE × 2^n)) milliseconds: about 2.5 s in all at worst. */
    static final long BASE_MS = 8;
    static final long CAP_MS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(AdminInfoEditor.class);
    private final ProjectStore projects;
    private final ReminderParking parking;
    private final Clock clock;
    private final ReadinessStore readiness;

    public AdminInfoEditor(ProjectStore projects, ReminderParking parking, Clock clock, ReadinessStore readiness) {
        this.projects = projects;
        this.parking = parking;
        this.clock = clock;
        this.readiness = readiness;
    }

    /**
     * Applies the patch the request holds; {@code request} is read once the caller is known to be the project's
     * ADMIN (or an organization admin): nothing of a body is parsed for a caller who may not change the project.
     */
    public Project edit(Caller caller, String projectId, java.util.function.Supplier<AdminInfoPatch> request, String ifMatch) {
        AdminInfoPatch patch = null;
        for (int attempt = 1; ; attempt++) {
            Project project = projects.find(caller.orgId(), projectId).orElse(null);
            ProjectAccess.requireAdminRead(project, caller);
            if (patch == null) {
                patch = request.get();
            }
            Etags.requireMatch(ifMatch, project.version());
            AdminInfo.Update update = project.adminInfo().apply(patch);
            ProjectAccess.requireAdminInfoChange(project, caller, update);
            if (update.changes().isEmpty()) {
                return project;
            }
            try {
                projects.updateAdminInfo(project, caller, update, clock.instant());
                readiness.afterWrite(caller.orgId(), projectId, clock.instant());
                if (project.state().isClosed() != update.after().state().isClosed()) {
                    moveReminders(ProjectRef.of(project));
                }
                // the write was conditioned on this version: the stored project is exactly this one, one version on
                return project.withAdminInfo(update.after());
            } catch (ProjectStore.StaleVersion stale) {
                if (attempt == ATTEMPTS) {
                    throw ProblemException.concurrentChange();
                }
                // another change landed first: the next round re-reads, and If-Match (if any) now fails
                pause(attempt);
            }
        }
    }

    /**
     * Closed: the project's reminders leave the due index; reopened: they come back, due when they were. The
     * state change is already stored with its mark: were this to fail, the reminder sweep finishes from the mark,
     * so the caller is not told of a failure of something that will be done anyway.
     */
    private void moveReminders(ProjectRef project) {
        try {
            ReminderParking.Settled settled = parking.settle(project);
            LOG.info("reminders of {} moved: {}", project, settled);
        } catch (RuntimeException e) {
            LOG.warn("reminders of {} not moved yet; the reminder sweep will finish from the mark", project, e);
        }
    }

    private static void pause(int attempt) {
        long bound = Math.min(CAP_MS, BASE_MS << Math.min(attempt, 10));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.concurrentChange();
        }
    }
}
