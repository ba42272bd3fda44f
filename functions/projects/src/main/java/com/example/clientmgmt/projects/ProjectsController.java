package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.AdminInfo;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectState;
import com.example.clientmgmt.domain.Texts;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.http.QueryText;
import com.example.clientmgmt.projects.Views.ProjectView;
import com.example.clientmgmt.storage.project.MembershipStore;
import com.example.clientmgmt.storage.project.OrganizationProjects;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /projects}: create (organization admins), list mine or (organization admins) all, by state, read one. */
@Controller("/projects")
public class ProjectsController {
    private final ProjectStore projects;
    /** The longest text query of the organization's list (characters). */
    static final int MAX_QUERY = 200;
    private final MembershipStore memberships;
    private final OrganizationProjects organization;
    private final JsonMapper json;
    private final Clock clock;

    public ProjectsController(ProjectStore projects, MembershipStore memberships, OrganizationProjects organization,
                              JsonMapper json, Clock clock) {
        this.projects = projects;
        this.memberships = memberships;
        this.organization = organization;
        this.json = json;
        this.clock = clock;
    }

    @Post
    public HttpResponse<ProjectView> create(Caller caller, @Nullable @Body String body) {
        ProjectAccess.requireOrgAdmin(caller);
        JsonBody in = JsonBody.parse(json, body);
        String name = in.requiredText("name", 200);
        String client = in.optionalText(AdminInfo.CLIENT_COMPANY_NAME, 200);
        ProjectState state = in.enumChange(AdminInfo.STATE, ProjectState.class).applyTo(ProjectState.ACTIVE);
        in.finish();
        if (state.isClosed()) {
            throw ProblemException.invalid(FieldError.of(AdminInfo.STATE, "CLOSED_AT_CREATION"));
        }
        Instant now = clock.instant();
        Project project = new Project(caller.orgId(), Ids.newId(now), name,
                new AdminInfo(client, null, null, null, state, null), 1,
                Map.of(caller.userId(), Permission.ADMIN), Map.of(), now, caller.userId());
        projects.create(project);
        return HttpResponse.created(ProjectView.of(project, caller), URI.create("/projects/" + project.id()));
    }

    /**
     * The caller's projects (those they are a member of); with {@code scope=organization}, every project of the
     * organization (organization admins only); {@code query} searches either by project and client names. Open
     * projects by default; {@code state} (repeatable, or comma-separated) picks others, CLOSED included. Read
     * from the request: a List binding keeps only the first of repeated values.
     */
    @Get
    public PageView<ProjectView> list(Caller caller, HttpRequest<?> request, @Nullable @QueryValue String scope,
                                      @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        Set<ProjectState> states = states(request.getParameters().getAll("state"));
        String query = QueryText.of(request, "query");
        int size = Paging.limit(limit);
        if (query != null && (query.codePointCount(0, query.length()) > MAX_QUERY || !Texts.isWellFormed(query))) {
            throw ProblemException.invalid(FieldError.of("query", "BAD_QUERY", MAX_QUERY));
        }
        if (scope == null || scope.equals("member")) {
            return PageView.of(memberships.listForUser(caller, states, query, cursor, size), p -> ProjectView.of(p, caller));
        }
        if (!scope.equals("organization")) {
            throw ProblemException.invalid(FieldError.of("scope", "BAD_SCOPE", scope));
        }
        ProjectAccess.requireOrgAdmin(caller);
        return PageView.of(organization.list(caller.orgId(), states, query, cursor, size), p -> ProjectView.of(p, caller));
    }

    @Get("/{projectId}")
    public ProjectView read(Caller caller, @PathVariable String projectId) {
        Project project = projects.find(caller.orgId(), projectId).orElse(null);
        ProjectAccess.requireRead(project, caller);
        return ProjectView.of(project, caller);
    }

    private static Set<ProjectState> states(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return ProjectState.OPEN;
        }
        Set<ProjectState> states = EnumSet.noneOf(ProjectState.class);
        for (String value : raw) {
            for (String one : value.split(",")) {
                try {
                    states.add(ProjectState.valueOf(one.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(FieldError.of("state", "BAD_STATE_FILTER", one.strip()));
                }
            }
        }
        return states;
    }

}
