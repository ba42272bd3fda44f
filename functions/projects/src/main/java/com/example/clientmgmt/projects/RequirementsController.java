package com.example.clientmgmt.projects;

import com.example.clientmgmt.storage.readiness.ReadinessStore;
import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.ProblemCode;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.ProjectRef;
import com.example.clientmgmt.domain.ProjectRequirements;
import com.example.clientmgmt.domain.PublicContractRule;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementTemplate;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.http.Messages;
import com.example.clientmgmt.storage.requirements.RequirementStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code /projects/{id}/requirements}: the documents the client requires (SPEC v3). Members who read the project read
 * them (the RULE one included, its reason only for those who see the budget); its ADMIN replaces the manual ones,
 * removes one, or applies one of the organization's templates — never on a closed project (409).
 */
@Controller("/projects/{projectId}/requirements")
public class RequirementsController {
    /** Conflicting writes re-read and re-decide this many times before the caller gets 409 CONCURRENT_CHANGE. */
    static final int ATTEMPTS = 3;
    private final RequirementStore requirements;
    private final JsonMapper json;
    private final Clock clock;
    private final ReadinessStore readiness;

    public RequirementsController(RequirementStore requirements, JsonMapper json, Clock clock, ReadinessStore readiness) {
        this.requirements = requirements;
        this.json = json;
        this.clock = clock;
        this.readiness = readiness;
    }

    @Get
    public RequirementView.Requirements list(Caller caller, @PathVariable String projectId, HttpRequest<?> request) {
        RequirementStore.Loaded loaded = requirements.load(caller.orgId(), projectId);
        Permission permission = ProjectAccess.requireRead(loaded.project(), caller);
        return RequirementView.Requirements.of(loaded.requirements().all(loaded.project().adminInfo()), permission,
                Messages.localeOf(request));
    }

    /** ADMIN replaces the MANUAL requirements with the list sent (an item with the id of one edits it). */
    @Put
    public RequirementView.Requirements replace(Caller caller, @PathVariable String projectId, @Nullable @Body String body,
                                                HttpRequest<?> request) {
        RequirementStore.Loaded first = changeable(caller, projectId);
        // authorization first: the body is read only for the project's ADMIN
        JsonBody in = JsonBody.parse(json, body);
        List<Requirement> sent = new ArrayList<>();
        for (JsonBody line : in.objectList("items", ProjectRequirements.MAX)) {
            Requirement r = RequirementInput.read(line, true);
            if (r != null) { // else its errors are the body's, reported by finish()
                sent.add(r);
            }
        }
        in.finish();
        return asAdmin(change(caller, projectId, first, r -> r.replaceManual(sent, clock.instant())), request);
    }

    /**
     * ADMIN removes a stored requirement (TEMPLATE or MANUAL); the RULE one follows the admin info (409). The variable
     * takes our ids' shapes only (an id of ours starts with a digit or capital; the rule's with "rule-"), so that
     * {@code /requirements/apply} is not one of its paths: a 405 there lists POST alone in {@code Allow}.
     */
    @Delete("/{requirementId:[0-9A-Z][0-9A-Za-z]*|rule-[a-z-]+}")
    public HttpResponse<Void> remove(Caller caller, @PathVariable String projectId, @PathVariable String requirementId) {
        RequirementStore.Loaded first = changeable(caller, projectId);
        if (PublicContractRule.REQUIREMENT_ID.equals(requirementId)
                && PublicContractRule.requirement(first.project().adminInfo()).isPresent()) {
            throw new ProblemException(ProblemCode.CONFLICT, "RULE_REQUIREMENT", List.of(), List.of());
        }
        change(caller, projectId, first, r -> r.remove(requirementId));
        return HttpResponse.noContent();
    }

    /** ADMIN copies a template's requirements into the project, once: applying it again adds nothing. */
    @Post("/apply")
    public RequirementView.Requirements apply(Caller caller, @PathVariable String projectId, @Nullable @Body String body,
                                              HttpRequest<?> request) {
        RequirementStore.Loaded first = changeable(caller, projectId);
        JsonBody in = JsonBody.parse(json, body);
        String templateId = in.requiredText("templateId", 64);
        in.finish();
        RequirementTemplate template = requirements.templates(caller.orgId()).templates().stream()
                .filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(FieldError.of("templateId", "UNKNOWN_TEMPLATE")));
        return asAdmin(change(caller, projectId, first, r -> r.apply(template, clock.instant())), request);
    }

    private RequirementStore.Loaded changeable(Caller caller, String projectId) {
        RequirementStore.Loaded loaded = requirements.load(caller.orgId(), projectId);
        ProjectAccess.requireChange(loaded.project(), caller);
        return loaded;
    }

    /**
     * Decides {@code decide} on the requirements as read and writes it; when another change landed in between, reads
     * again and decides again (the same request applied to what is there now), up to {@link #ATTEMPTS} times. Answers
     * the project and its requirements as they now are.
     */
    private RequirementStore.Loaded change(Caller caller, String projectId, RequirementStore.Loaded first,
                                           Function<ProjectRequirements, ProjectRequirements.Decision> decide) {
        RequirementStore.Loaded loaded = first;
        for (int attempt = 1; ; attempt++) {
            ProjectRequirements.Decision decision = decide.apply(loaded.requirements());
            if (decision.none()) {
                return loaded;
            }
            try {
                requirements.write(caller, ProjectRef.of(loaded.project()), decision, clock.instant());
                readiness.afterWrite(caller.orgId(), projectId, clock.instant());
                return new RequirementStore.Loaded(loaded.project(), decision.after());
            } catch (ProblemException e) {
                if (!Objects.equals(e.messageKey(), "CONCURRENT_CHANGE") || attempt == ATTEMPTS) {
                    throw e;
                }
                loaded = changeable(caller, projectId);
            }
        }
    }

    /** The requirements as the project's ADMIN reads them (the rule's reason included). */
    private static RequirementView.Requirements asAdmin(RequirementStore.Loaded now, HttpRequest<?> request) {
        return RequirementView.Requirements.of(now.requirements().all(now.project().adminInfo()), Permission.ADMIN,
                Messages.localeOf(request));
    }
}
