package com.example.clientmgmt.documents;

import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.DocumentDeclaration;
import com.example.clientmgmt.domain.DocumentDeletion;
import com.example.clientmgmt.domain.DocumentEdit;
import com.example.clientmgmt.domain.DocumentDates;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.DocumentResolution;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.domain.UploadPolicy;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.storage.documents.DocumentStore;
import com.example.clientmgmt.storage.project.ProjectPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code /projects/{id}/admin-documents}: the "Documents admin" tab's records. Their file versions: {@link DocumentVersionsController}. */
@Controller("/projects/{projectId}/admin-documents")
public class AdminDocumentsController {
    static final int MAX_TITLE = 200;
    static final int MAX_FILE_NAME = 255;
    private final DocumentStore documents;
    private final DocumentFiles files;
    private final DocumentAccess access;
    private final UploadPolicy policy;
    private final ReminderSchedule schedule;
    private final JsonMapper json;
    private final Clock clock;
    private final ReadinessStore readiness;

    public AdminDocumentsController(DocumentStore documents, DocumentFiles files, DocumentAccess access, UploadPolicy policy,
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
     * ADMIN declares a document with its first file version and gets a presigned PUT for its bytes; the
     * version stays PENDING_UPLOAD until S3 has them.
     */
    @Post
    public HttpResponse<DocumentView.Declared> declare(Caller caller, @PathVariable String projectId, @Nullable @Body String body) {
        // authorization first: the body is read only for whom may change the project
        DocumentStore.ProjectAndDocument loaded = documents.load(caller.orgId(), projectId, null);
        var project = loaded.project();
        ProjectAccess.requireChange(project, caller);
        JsonBody in = JsonBody.parse(json, body);
        String title = in.requiredText("title", MAX_TITLE);
        DocumentKind kind = in.enumChange("kind", DocumentKind.class).applyTo(DocumentKind.OTHER);
        Change<LocalDate> issuedOn = in.dateChange("issuedOn");
        Change<LocalDate> expiresOn = in.dateChange("expiresOn");
        FileDeclaration file = FileDeclaration.read(in, policy);
        ReminderFields reminderFields = ReminderFields.read(in);
        in.finish();
        ReminderSchedule rules = schedule.of(loaded.organization());
        LocalDate today = LocalDate.ofInstant(clock.instant(), rules.zone());
        reminderFields.requireRecent(today);
        DocumentDates dates = DocumentDates.apply(kind, issuedOn, expiresOn, DocumentDates.NONE, today);
        file.check(policy);
        Reminder reminder = reminderFields.applyTo(null);
        Instant now = clock.instant();
        FileVersion version = file.version(Ids.newId(now), now, caller, access.pendingUntil(now));
        AdminDocument document = new AdminDocument(caller.orgId(), projectId, Ids.newId(now), title, kind, dates.issuedOn(),
                dates.expiresOn(), reminder, null, now, caller.userId(), List.of(version));
        DocumentFiles.PresignedUpload upload = files.presignUpload(document, version);
        documents.declare(caller, DocumentDeclaration.of(rules, document), project.name(), now);
        readiness.afterWrite(caller.orgId(), projectId, now);
        return HttpResponse.created(new DocumentView.Declared(DocumentView.of(document, schedule, now), DocumentView.Version.of(version, now),
                DocumentView.Upload.of(upload)), URI.create("/projects/" + projectId + "/admin-documents/" + document.id()));
    }

    /** The documents, oldest first; {@code kind} keeps one kind (a page may then be shorter than {@code limit}). */
    @Get
    public PageView<DocumentView> list(Caller caller, @PathVariable String projectId, @Nullable @QueryValue String kind,
                                       @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        DocumentKind only = kindFilter(kind);
        ProjectPage<AdminDocument> page = documents.page(caller.orgId(), projectId, only, cursor, Paging.limit(limit));
        ProjectAccess.requireRead(page.project().orElse(null), caller);
        Instant now = clock.instant();
        return PageView.of(page.page(), d -> DocumentView.of(d, schedule, now));
    }

    @Get("/{documentId}")
    public DocumentView read(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        return DocumentView.of(access.readable(caller, projectId, documentId).document(), schedule, clock.instant());
    }

    /** A short-lived link to the newest available version's bytes, named as the user's file. */
    @Get("/{documentId}/download")
    public DocumentView.Download download(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        AdminDocument document = access.readable(caller, projectId, documentId).document();
        return access.download(document, document.current().orElse(null), clock.instant());
    }

    /**
     * ADMIN retitles, changes the kind, sets, changes or clears ({@code null}) the expiry date and the
     * reminder's fields (see {@link ReminderFields}). Another reminder schedule re-arms it.
     */
    @Patch("/{documentId}")
    public DocumentView edit(Caller caller, @PathVariable String projectId, @PathVariable String documentId, @Nullable @Body String body) {
        // authorization first: the body is read only for whom may change the document
        DocumentStore.ProjectAndDocument loaded = access.changeable(caller, projectId, documentId);
        JsonBody in = JsonBody.parse(json, body);
        Change<String> title = in.textChange("title", MAX_TITLE);
        Change<DocumentKind> kind = in.enumChange("kind", DocumentKind.class);
        Change<LocalDate> issuedOn = in.dateChange("issuedOn");
        Change<LocalDate> expiresOn = in.dateChange("expiresOn");
        ReminderFields reminder = ReminderFields.read(in);
        in.finish();
        ReminderSchedule rules = schedule.of(loaded.organization());
        LocalDate today = LocalDate.ofInstant(clock.instant(), rules.zone());
        reminder.requireRecent(today);
        if (title instanceof Change.Clear) {
            throw ProblemException.invalid(FieldError.of("title", "BLANK"));
        }
        AdminDocument before = loaded.document();
        DocumentKind newKind = kind.applyTo(before.kind());
        DocumentDates dates = DocumentDates.apply(newKind, issuedOn, expiresOn, before.dates(), today);
        Reminder newReminder = reminder.any() ? reminder.applyTo(schedule.effective(before).orElse(null)) : before.reminder();
        AdminDocument after = before.withDetailsAndDates(title.applyTo(before.title()), newKind, dates, newReminder);
        Instant now = clock.instant();
        if (!after.equals(before)) {
            documents.edit(caller, DocumentEdit.of(rules, before, loaded.version(), after), now);
            readiness.afterWrite(caller.orgId(), projectId, now);
        }
        return DocumentView.of(after, schedule, now);
    }

    /** ADMIN stops the document's reminder ("done"); 409 when it has none running. A new schedule re-arms it. */
    @Post("/{documentId}/reminder/resolve")
    public DocumentView resolve(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        DocumentStore.ProjectAndDocument loaded = access.changeable(caller, projectId, documentId);
        DocumentResolution resolution = DocumentResolution.of(schedule, loaded.document(), loaded.version());
        Instant now = clock.instant();
        documents.resolve(caller, resolution, now);
        return DocumentView.of(resolution.after(), schedule, now);
    }

    /** ADMIN deletes the record and the objects of all its versions (the bucket's versioning keeps recoverable copies). */
    @Delete("/{documentId}")
    public HttpResponse<Void> delete(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        AdminDocument document = access.changeable(caller, projectId, documentId).document();
        documents.delete(caller, new DocumentDeletion(document), clock.instant());
        readiness.afterWrite(caller.orgId(), projectId, clock.instant());
        files.delete(document);
        return HttpResponse.noContent();
    }

    static DocumentKind kindFilter(String raw) {
        if (raw == null) {
            return null; // "kind=" with no value names no kind: 400, as the contract's enum says
        }
        try {
            return DocumentKind.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FieldError.of("kind", "UNKNOWN_VALUE", List.of(DocumentKind.values()).toString()
                    .replaceAll("[\\[\\]]", "")));
        }
    }
}
