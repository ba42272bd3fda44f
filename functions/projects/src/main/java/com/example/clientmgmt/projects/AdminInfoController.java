package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.HistoryEntry;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.http.Etags;
import com.example.clientmgmt.http.HistoryView;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.ProjectPage;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;

/** {@code /projects/{id}/admin-info} and {@code /admin-history}: the "Informations admin" tab. */
@Controller("/projects/{projectId}")
public class AdminInfoController {
    private final ProjectStore projects;
    private final HistoryLog history;
    private final AdminInfoEditor editor;
    private final JsonMapper json;

    public AdminInfoController(ProjectStore projects, HistoryLog history, AdminInfoEditor editor, JsonMapper json) {
        this.projects = projects;
        this.history = history;
        this.editor = editor;
        this.json = json;
    }

    @Get("/admin-info")
    public HttpResponse<Object> read(Caller caller, @PathVariable String projectId) {
        Project project = projects.find(caller.orgId(), projectId).orElse(null);
        Permission permission = ProjectAccess.requireRead(project, caller);
        return withEtag(project, permission);
    }

    @Patch("/admin-info")
    public HttpResponse<Object> edit(Caller caller, @PathVariable String projectId, @Nullable @Body String body,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        // authorization first: the body is read only for the project's ADMIN
        return withEtag(editor.edit(caller, projectId, () -> AdminInfoRequest.read(json, body), ifMatch), Permission.ADMIN);
    }

    @Get("/admin-history")
    public PageView<HistoryView> history(Caller caller, @PathVariable String projectId,
                                         @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        ProjectPage<HistoryEntry> page = history.page(caller.orgId(), projectId, cursor, Paging.limit(limit));
        ProjectAccess.requireAdminRead(page.project().orElse(null), caller);
        return PageView.of(page.page(), HistoryView::of);
    }

    private static HttpResponse<Object> withEtag(Project project, Permission permission) {
        return HttpResponse.ok(Views.adminInfo(project, permission)).header(HttpHeaders.ETAG, Etags.of(project.versionSeenBy(permission)));
    }
}
