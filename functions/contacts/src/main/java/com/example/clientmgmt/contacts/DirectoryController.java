package com.example.clientmgmt.contacts;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.ContactProjects;
import com.example.clientmgmt.domain.Directory;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.Licence;
import com.example.clientmgmt.domain.LicenceChange;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.http.HistoryView;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.http.PageView;
import com.example.clientmgmt.http.Paging;
import com.example.clientmgmt.http.QueryText;
import com.example.clientmgmt.storage.directory.DirectoryStore;
import com.example.clientmgmt.storage.project.HistoryLog;
import com.example.clientmgmt.storage.project.MembershipStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /directory/people}: the organization's directory ("Bottin") and its licences. */
@Controller("/directory/people")
public class DirectoryController {
    private final DirectoryStore directory;
    private final ProjectStore projects;
    private final MembershipStore memberships;
    private final HistoryLog history;
    private final JsonMapper json;
    private final Clock clock;

    public DirectoryController(DirectoryStore directory, ProjectStore projects, MembershipStore memberships,
                               HistoryLog history, JsonMapper json, Clock clock) {
        this.directory = directory;
        this.history = history;
        this.projects = projects;
        this.memberships = memberships;
        this.json = json;
        this.clock = clock;
    }

    /** Any member of the organization lists or searches it (part of a name or company, any case or accent). */
    @Get
    public PageView<PersonView> list(Caller caller, HttpRequest<?> request, @Nullable @QueryValue String cursor,
                                     @Nullable @QueryValue String limit) {
        int size = Paging.limit(limit);
        String query = QueryText.of(request, "query");
        var page = query == null || query.isBlank()
                ? directory.list(caller.orgId(), cursor, size)
                : directory.search(caller.orgId(), query, cursor, size);
        return PageView.of(page, PersonView::of);
    }

    @Get("/{personId}")
    public PersonView read(Caller caller, @PathVariable String personId) {
        return PersonView.of(found(caller, personId).person());
    }

    /** Organization admins and project ADMINs add people; a new person has no licence. */
    @Post
    public HttpResponse<PersonView> add(Caller caller, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        String name = in.requiredText("name", Directory.MAX_NAME);
        String company = in.optionalText("company", Directory.MAX_NAME);
        String email = in.textChange("email", 254, Directory.EMAIL, "BAD_EMAIL").applyTo(null);
        String phone = in.textChange("phone", 40, Directory.PHONE, "BAD_PHONE").applyTo(null);
        in.finish();
        Directory.requireMayAdd(caller, caller.orgAdmin() || memberships.isAdminOfAnyProject(caller));
        Person person = new Person(caller.orgId(), Ids.newId(clock.instant()), name, company, email, phone, Licence.NONE, Set.of());
        directory.add(person);
        return HttpResponse.created(PersonView.of(person), URI.create("/directory/people/" + person.id()));
    }

    /** Changes some details (organization admins); absent fields stay, null clears (the name cannot be cleared). */
    @Patch("/{personId}")
    public PersonView edit(Caller caller, @PathVariable String personId, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        Change<String> name = in.textChange("name", Directory.MAX_NAME);
        Change<String> company = in.textChange("company", Directory.MAX_NAME);
        Change<String> email = in.textChange("email", 254, Directory.EMAIL, "BAD_EMAIL");
        Change<String> phone = in.textChange("phone", 40, Directory.PHONE, "BAD_PHONE");
        if (name instanceof Change.Clear) {
            throw ProblemException.invalid(FieldError.of("name", "BLANK"));
        }
        in.finish();
        Directory.requireOrganizationAdmin(caller);
        DirectoryStore.Versioned before = found(caller, personId);
        Person p = before.person();
        Person after = new Person(p.orgId(), p.id(), name.applyTo(p.name()), company.applyTo(p.company()),
                email.applyTo(p.email()), phone.applyTo(p.phone()), p.licence(), p.contactOf());
        if (!after.equals(p)) {
            directory.edit(before, after);
        }
        return PersonView.of(after);
    }

    /** NONE, FREE (no platform access) or STANDARD (organization admins only). */
    @Put("/{personId}/licence")
    public PersonView setLicence(Caller caller, @PathVariable String personId, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        Licence licence = in.requiredEnum("licence", Licence.class);
        in.finish();
        DirectoryStore.Versioned before = found(caller, personId);
        Person person = before.person();
        Optional<LicenceChange> change = LicenceChange.of(caller, caller.orgAdmin() || memberships.isAdminOfAnyProject(caller),
                person, licence, () -> contactProjects(caller, person));
        change.ifPresent(c -> directory.setLicence(before, c, caller, clock.instant()));
        return PersonView.of(person.withLicence(licence));
    }

    /** The person's licence changes, newest first: who, when, from, to (organization admins). */
    @Get("/{personId}/history")
    public PageView<HistoryView> history(Caller caller, @PathVariable String personId, @Nullable @QueryValue String cursor,
                                         @Nullable @QueryValue String limit) {
        Directory.requireOrganizationAdmin(caller);
        int size = Paging.limit(limit);
        return PageView.of(history.personPage(caller.orgId(), personId, cursor, size)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND)), HistoryView::of);
    }

    private DirectoryStore.Versioned found(Caller caller, String personId) {
        return directory.find(caller.orgId(), personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    /** The projects the person is a client contact of, as the caller may be told of them: one batch read. */
    private ContactProjects contactProjects(Caller caller, Person person) {
        Set<ProjectRef> refs = person.contactProjects().stream().map(id -> new ProjectRef(caller.orgId(), id)).collect(Collectors.toSet());
        Map<String, Project> found = new HashMap<>();
        projects.findAll(refs).forEach((ref, project) -> found.put(ref.projectId(), project));
        return ContactProjects.seenBy(caller, person.contactProjects(), found);
    }
}
