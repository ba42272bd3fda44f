package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.MemberChange;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.projects.Views.MemberView;
import com.example.clientmgmt.storage.project.MembershipStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** {@code /projects/{id}/members}: who holds which Project-Admin permission (ADMIN only). */
@Controller("/projects/{projectId}/members")
public class MembersController {
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    private final ProjectStore projects;
    private final MembershipStore memberships;
    private final JsonMapper json;
    private final Clock clock;

    public MembersController(ProjectStore projects, MembershipStore memberships, JsonMapper json, Clock clock) {
        this.projects = projects;
        this.memberships = memberships;
        this.json = json;
        this.clock = clock;
    }

    /** Every member with a permission; users not listed have NONE. The whole list fits in one page. */
    @Get
    public PageView<MemberView> list(Caller caller, @PathVariable String projectId) {
        Project project = projects.find(caller.orgId(), projectId).orElse(null);
        ProjectAccess.requireAdminRead(project, caller);
        List<MemberView> items = project.members().entrySet().stream()
                .map(e -> new MemberView(e.getKey(), e.getValue().name()))
                .sorted(Comparator.comparing(MemberView::userId))
                .toList();
        return PageView.all(items);
    }

    /**
     * Grants, changes or (NONE) removes a user's permission; an ADMIN may change their own. The project keeps
     * at least one ADMIN member: removing or downgrading the last one is 409 LAST_ADMIN.
     */
    @Put("/{userId}")
    public MemberView set(Caller caller, @PathVariable String projectId, @PathVariable String userId,
                          @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        Permission permission = in.requiredEnum("permission", Permission.class);
        in.finish();
        if (!USER_ID.matcher(userId).matches()) {
            throw ProblemException.invalid(FieldError.of("userId", "BAD_USER_ID"));
        }
        memberships.setMember(caller, projects.find(caller.orgId(), projectId).orElse(null),
                project -> MemberChange.of(project, caller, userId, permission), clock.instant());
        return new MemberView(userId, permission.name());
    }
}
