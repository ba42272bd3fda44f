package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.DocumentStatus;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.UploadPolicy;
import com.example.clientmgmt.files.DocumentFiles;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.storage.DocumentStore;
import com.example.clientmgmt.storage.ProjectPage;
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

/** {@code /projects/{id}/admin-documents}: the "Documents admin" tab. */
@Controller("/projects/{projectId}/admin-documents")
public class AdminDocumentsController {
    static final int MAX_TITLE = 200;
    static final int MAX_FILE_NAME = 255;
    static final int MAX_NOTE = 1000;
    private final DocumentStore documents;
    private final DocumentFiles files;
    private final UploadPolicy policy;
    private final JsonMapper json;
    private final Clock clock;

    public AdminDocumentsController(DocumentStore documents, DocumentFiles files, UploadPolicy policy, JsonMapper json, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.policy = policy;
        this.json = json;
        this.clock = clock;
    }

    /** ADMIN declares a document and gets a presigned PUT for its bytes; it stays PENDING_UPLOAD until S3 has them. */
    @Post
    public HttpResponse<DocumentView.Declared> declare(Caller caller, @PathVariable String projectId, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        String title = in.requiredText("title", MAX_TITLE);
        String fileName = in.requiredText("fileName", MAX_FILE_NAME);
        String contentType = in.requiredText("contentType", 127);
        long size = in.requiredLong("sizeBytes");
        LocalDate reminderDate = in.dateChange("reminderDate").applyTo(null);
        String reminderNote = in.optionalText("reminderNote", MAX_NOTE);
        in.finish();
        List<FieldError> refused = policy.checkDeclared(contentType, size);
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(refused);
        }
        if (!Ids.isWellFormed(projectId)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        Instant now = clock.instant();
        AdminDocument document = new AdminDocument(caller.orgId(), projectId, Ids.newId(now), title, fileName,
                UploadPolicy.normalize(contentType), size, DocumentStatus.PENDING_UPLOAD, null, null, null, null,
                reminderDate, reminderNote, now, caller.userId(), null);
        DocumentFiles.PresignedUpload upload = files.presignUpload(document);
        documents.declare(caller, document, now, upload.expiresAt());
        return HttpResponse.created(new DocumentView.Declared(DocumentView.of(document), DocumentView.Upload.of(upload)),
                URI.create("/projects/" + projectId + "/admin-documents/" + document.id()));
    }

    @Get
    public PageView<DocumentView> list(Caller caller, @PathVariable String projectId,
                                       @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        ProjectPage<AdminDocument> page = documents.page(caller.orgId(), projectId, cursor, Paging.limit(limit));
        ProjectAccess.requireRead(page.project().orElse(null), caller);
        return PageView.of(page.page(), DocumentView::of);
    }

    @Get("/{documentId}")
    public DocumentView read(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        return DocumentView.of(readable(caller, projectId, documentId).document());
    }

    /** A short-lived link to the bytes, named as the user's file; only once the upload was checked. */
    @Get("/{documentId}/download")
    public DocumentView.Download download(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        AdminDocument document = readable(caller, projectId, documentId).document();
        if (document.status() != DocumentStatus.AVAILABLE) {
            throw new ProblemException(ProblemCode.DOCUMENT_NOT_AVAILABLE, "DOCUMENT_NOT_AVAILABLE", List.of(document.status()), List.of());
        }
        DocumentFiles.PresignedDownload link = files.presignDownload(document);
        return new DocumentView.Download(link.url(), link.expiresAt().toString());
    }

    /** ADMIN retitles, or sets, changes or clears ({@code null}) the reminder date and note. */
    @Patch("/{documentId}")
    public DocumentView edit(Caller caller, @PathVariable String projectId, @PathVariable String documentId, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        Change<String> title = in.textChange("title", MAX_TITLE);
        Change<LocalDate> reminderDate = in.dateChange("reminderDate");
        Change<String> reminderNote = in.textChange("reminderNote", MAX_NOTE);
        in.finish();
        if (title instanceof Change.Clear) {
            throw ProblemException.invalid(FieldError.of("title", "BLANK"));
        }
        DocumentStore.ProjectAndDocument loaded = changeable(caller, projectId, documentId);
        AdminDocument before = loaded.document();
        AdminDocument after = before.withDetails(title.applyTo(before.title()), reminderDate.applyTo(before.reminderDate()),
                reminderNote.applyTo(before.reminderNote()));
        if (!after.equals(before)) {
            documents.edit(caller, before, loaded.version(), after, clock.instant());
        }
        return DocumentView.of(after);
    }

    /** ADMIN deletes the record and the object (the bucket's versioning keeps a recoverable copy). */
    @Delete("/{documentId}")
    public HttpResponse<Void> delete(Caller caller, @PathVariable String projectId, @PathVariable String documentId) {
        AdminDocument document = changeable(caller, projectId, documentId).document();
        documents.delete(caller, document, clock.instant());
        files.delete(document.objectKey());
        return HttpResponse.noContent();
    }

    private DocumentStore.ProjectAndDocument readable(Caller caller, String projectId, String documentId) {
        DocumentStore.ProjectAndDocument loaded = documents.load(caller.orgId(), projectId, documentId);
        ProjectAccess.requireRead(loaded.project(), caller);
        return existing(loaded);
    }

    private DocumentStore.ProjectAndDocument changeable(Caller caller, String projectId, String documentId) {
        DocumentStore.ProjectAndDocument loaded = documents.load(caller.orgId(), projectId, documentId);
        ProjectAccess.requireChange(loaded.project(), caller);
        return existing(loaded);
    }

    private static DocumentStore.ProjectAndDocument existing(DocumentStore.ProjectAndDocument loaded) {
        if (loaded.document() == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return loaded;
    }
}
