package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.Readiness;
import com.example.clientmgmt.http.Messages;
import com.example.clientmgmt.storage.readiness.ProjectDossiers;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /projects/{id}/readiness} (LIMITED and ADMIN): each requirement evaluated on its day against the project's
 * documents ({@link Readiness}), and whether the project is ready. One query reads the project, its documents and its
 * requirements ({@link ProjectDossiers}).
 */
@Controller("/projects/{projectId}/readiness")
public class ReadinessController {
    private final ProjectDossiers dossiers;
    private final Clock clock;

    public ReadinessController(ProjectDossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** The document that decided a requirement, in short. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DocumentRef(String id, String title, String kind, String issuedOn, String expiresOn, String status) {
        static DocumentRef of(AdminDocument d, Instant now) {
            return d == null ? null : new DocumentRef(d.id(), d.title(), d.kind().name(), text(d.issuedOn()), text(d.expiresOn()),
                    d.statusAt(now).name());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(RequirementView requirement, String at, String status, DocumentRef document, Long marginDays) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record View(boolean ready, List<Item> items) {}

    @Get
    public View read(Caller caller, @PathVariable String projectId, HttpRequest<?> request) {
        ProjectDossiers.Dossier dossier = dossiers.read(caller.orgId(), projectId).orElse(null);
        Permission permission = ProjectAccess.requireRead(dossier == null ? null : dossier.project(), caller);
        Instant now = clock.instant();
        AdminInfo info = dossier.project().adminInfo();
        Readiness readiness = Readiness.of(dossier.requirements().all(info), info, dossier.documents(), now);
        Locale locale = Messages.localeOf(request);
        return new View(readiness.ready(), readiness.items().stream().map(i -> new Item(
                RequirementView.of(i.requirement(), permission, locale), text(i.at()), i.status().name(),
                DocumentRef.of(i.document(), now), i.marginDays())).toList());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
