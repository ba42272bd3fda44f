package com.example.clientmgmt.documents;

import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.DocumentDates;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.UploadPolicy;
import com.example.clientmgmt.domain.VersionAddition;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.storage.documents.DocumentStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code /projects/{id}/admin-documents/{documentId}/versions}: renewing a document. ADMIN adds a file version
 * (same upload and check as the first); everybody who reads the document lists and downloads its versions.
 */
@Controller("/projects/{projectId}/admin-documents/{documentId}/versions")
public class DocumentVersionsController {
    private final DocumentStore documents;
    private final DocumentFiles files;
    private final DocumentAccess access;
    private final UploadPolicy policy;
    private final ReminderSchedule schedule;
    private final JsonMapper json;
    private final Clock clock;
    private final ReadinessStore readiness;

    public DocumentVersionsController(DocumentStore documents, DocumentFiles files, DocumentAccess access, UploadPolicy policy,
                                      ReminderSchedule schedule, JsonMapper json, Clock clock, ReadinessStore readiness) {
        this.schedule = schedule;
        this.documents = documents;
        this.files = files;
        this.access = access;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
        this.readiness = readiness;
    }

    /**
     * ADMIN adds a version (the newest) and gets a presigned PUT for its bytes; the document keeps its other versions.
     * A renewal may carry the new {@code issuedOn} and {@code expiresOn} (same rules as the document's own: a Revenu
     * Québec attestation's expiry follows its date of issue); they are the document's from now on.
     */
    @Post
    public HttpResponse<DocumentView.NewVersion> add(Caller caller, @PathVariable String projectId, @PathVariable String documentId,
                                                     @Nullable @Body String body) {
        // authorization first: the body is read only for whom may change the document
        DocumentStore.ProjectAndDocument loaded = access.changeable(caller, projectId, documentId);
        AdminDocument document = loaded.document();
        JsonBody in = JsonBody.parse(json, body);
        FileDeclaration file = FileDeclaration.read(in, policy);
        Change<LocalDate> issuedOn = in.dateChange("issuedOn");
        Change<LocalDate> expiresOn = in.dateChange("expiresOn");
        in.finish();
        ReminderSchedule rules = schedule.of(loaded.organization());
        Instant now = clock.instant();
        DocumentDates dates = DocumentDates.apply(document.kind(), issuedOn, expiresOn, document.dates(),
                LocalDate.ofInstant(now, rules.zone()));
        file.check(policy);
        VersionAddition addition = VersionAddition.renewing(rules, document, loaded.version(),
                file.version(document.nextVersionId(now), now, caller, access.pendingUntil(now)), dates);
        FileVersion version = addition.version();
        DocumentFiles.PresignedUpload upload = files.presignUpload(document, version);
        documents.addVersion(caller, addition, now);
        readiness.afterWrite(caller.orgId(), projectId, now);
        return HttpResponse.created(new DocumentView.NewVersion(DocumentView.Version.of(version, now), DocumentView.Upload.of(upload),
                DocumentView.of(addition.after(), schedule, now)),
                URI.create("/projects/" + projectId + "/admin-documents/" + documentId + "/versions/" + version.id()));
    }

    /** Every version, newest first (at most {@link AdminDocument#MAX_VERSIONS}: one page). */
    @Get
    public DocumentView.Versions list(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        AdminDocument document = access.readable(caller, projectId, documentId).document();
        Instant now = clock.instant();
        return new DocumentView.Versions(document.versions().stream().map(v -> DocumentView.Version.of(v, now)).toList());
    }

    /** A short-lived link to one version's bytes, once its upload was checked. */
    @Get("/{versionId}/download")
    public DocumentView.Download download(Caller caller, @PathVariable String projectId, @PathVariable String documentId,
                                          @PathVariable String versionId) {
        AdminDocument document = access.readable(caller, projectId, documentId).document();
        FileVersion version = Ids.isWellFormed(versionId) ? document.version(versionId).orElse(null) : null;
        if (version == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return access.download(document, version, clock.instant());
    }
}
