package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.ProjectAccess;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementTemplate;
import com.example.clientmgmt.http.JsonBody;
import com.example.clientmgmt.storage.requirements.RequirementStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /organization/requirement-templates}: the organization's named lists of requirements. Every member reads them
 * (an ADMIN picks one to apply); organization admins replace the whole list (an item with the id of a stored template
 * edits it, one without is new, a stored one left out is gone — projects keep what they copied).
 */
@Controller("/organization/requirement-templates")
public class RequirementTemplatesController {
    private final RequirementStore requirements;
    private final JsonMapper json;
    private final Clock clock;

    public RequirementTemplatesController(RequirementStore requirements, JsonMapper json, Clock clock) {
        this.requirements = requirements;
        this.json = json;
        this.clock = clock;
    }

    @Get
    public RequirementView.Templates list(Caller caller) {
        return RequirementView.Templates.of(requirements.templates(caller.orgId()).templates());
    }

    @Put
    public RequirementView.Templates replace(Caller caller, @Nullable @Body String body) {
        ProjectAccess.requireOrgAdmin(caller); // before the body is read
        JsonBody in = JsonBody.parse(json, body);
        List<RequirementTemplate> sent = new ArrayList<>();
        for (JsonBody t : in.objectList("items", RequirementTemplate.MAX_TEMPLATES)) {
            String id = t.optionalText("id", 64);
            String name = t.requiredText("name", RequirementTemplate.MAX_NAME);
            List<Requirement> lines = new ArrayList<>();
            for (JsonBody line : t.objectList("requirements", RequirementTemplate.MAX_LINES)) {
                Requirement r = RequirementInput.read(line, false);
                if (r != null) { // else its errors are the body's, reported by finish()
                    lines.add(r);
                }
            }
            t.end();
            sent.add(new RequirementTemplate(id, name, lines));
        }
        in.finish();
        RequirementStore.Templates stored = requirements.templates(caller.orgId());
        List<RequirementTemplate> after = RequirementTemplate.replace(stored.templates(), sent, clock.instant());
        requirements.replaceTemplates(caller.orgId(), after, stored.version());
        return RequirementView.Templates.of(after);
    }
}
