package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Organization;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.storage.organization.OrganizationStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.util.List;

/**
 * {@code /organization}: the caller's organization's settings — its name, the time zone its reminders fire
 * in (07:00 there) and the language of what it sends when a person's own is not known. Every member reads
 * them; organization admins change them (the whole object).
 */
@Controller("/organization")
public class OrganizationController {
    private final OrganizationStore organizations;
    private final JsonMapper json;
    private final Clock clock;

    public OrganizationController(OrganizationStore organizations, JsonMapper json, Clock clock) {
        this.organizations = organizations;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    record View(String id, String name, String timeZone, String defaultLanguage) {
        static View of(Organization o) {
            return new View(o.id(), o.name(), o.timeZone().getId(), o.defaultLanguage());
        }
    }

    @Get
    public View read(Caller caller) {
        return View.of(organizations.find(caller.orgId()));
    }

    @Put
    public View replace(Caller caller, @Nullable @Body String body) {
        JsonBody in = JsonBody.parse(json, body);
        String name = in.requiredText("name", Organization.MAX_NAME);
        String timeZone = in.requiredText("timeZone", 64);
        String language = in.requiredText("defaultLanguage", 8);
        in.finish();
        List<FieldError> errors = Organization.check(timeZone, language);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Organization.requireMayChange(caller);
        Organization organization = new Organization(caller.orgId(), name, Organization.zone(timeZone), language);
        organizations.save(caller, organization, clock.instant());
        return View.of(organization);
    }
}
