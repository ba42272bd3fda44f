package com.example.clientmgmt.contacts;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ClientContact;
import com.example.clientmgmt.domain.ContactChange;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Person;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Project;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.storage.directory.ClientContactStore;
import com.example.clientmgmt.storage.directory.DirectoryStore;
import com.example.clientmgmt.storage.project.ProjectStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /projects/{id}/client-contacts}: the "Contacts client" tab (submission, billing, execution). */
@Controller("/projects/{projectId}/client-contacts")
public class ClientContactsController {
    private final ProjectStore projects;
    private final DirectoryStore directory;
    private final ClientContactStore contacts;
    private final JsonMapper json;
    private final Clock clock;

    public ClientContactsController(ProjectStore projects, DirectoryStore directory, ClientContactStore contacts,
                                    JsonMapper json, Clock clock) {
        this.projects = projects;
        this.directory = directory;
        this.contacts = contacts;
        this.json = json;
        this.clock = clock;
    }

    /** LIMITED and ADMIN: each contact with the person's current name, company, e-mail, phone and licence. */
    @Get
    public PersonView.Contacts read(Caller caller, @PathVariable String projectId) {
        Project project = projects.find(caller.orgId(), projectId).orElse(null);
        ProjectAccess.requireRead(project, caller);
        Map<String, Person> people = directory.findAll(caller.orgId(), project.clientContacts().values().stream()
                .map(ClientContact::personId).collect(Collectors.toSet()));
        return new PersonView.Contacts(view(project, ContactRole.SUBMISSION, people),
                view(project, ContactRole.BILLING, people), view(project, ContactRole.EXECUTION, people));
    }

    /** ADMIN sets or replaces a role with a licensed person of the directory. */
    @Put("/{role}")
    public PersonView set(Caller caller, @PathVariable String projectId, @PathVariable("role") String roleName,
                          @Nullable @Body String body) {
        ContactRole role = role(roleName);
        JsonBody in = JsonBody.parse(json, body);
        String personId = in.requiredText("personId", 64);
        in.finish();
        ClientContactStore.ProjectAndPerson loaded = contacts.load(caller.orgId(), projectId, personId);
        ProjectAccess.requireChange(loaded.project(), caller);
        Person person = loaded.person();
        if (person == null) {
            throw ProblemException.invalid(FieldError.of("personId", "UNKNOWN_PERSON"));
        }
        ContactChange.of(loaded.project(), role, person).ifPresent(change -> contacts.set(caller, loaded.project(), change, clock.instant()));
        return PersonView.of(person);
    }

    /** ADMIN clears a role; clearing an empty role changes nothing. */
    @Delete("/{role}")
    public HttpResponse<Void> clear(Caller caller, @PathVariable String projectId, @PathVariable("role") String roleName) {
        ContactRole role = role(roleName);
        Project project = projects.find(caller.orgId(), projectId).orElse(null);
        ProjectAccess.requireChange(project, caller);
        ContactChange.of(project, role, null).ifPresent(change -> contacts.set(caller, project, change, clock.instant()));
        return HttpResponse.noContent();
    }

    private static ContactRole role(String name) {
        return ContactRole.fromApiName(name).orElseThrow(() -> ProblemException.invalid(FieldError.of("role", "UNKNOWN_ROLE")));
    }

    private static PersonView view(Project project, ContactRole role, Map<String, Person> people) {
        ClientContact contact = project.clientContacts().get(role);
        return contact == null ? null : PersonView.of(people.get(contact.personId()));
    }
}
