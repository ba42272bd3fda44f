package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Permission;
import com.example.clientmgmt.domain.PublicContractRule;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementSource;
import com.example.clientmgmt.domain.RequirementTemplate;
import com.example.clientmgmt.http.Messages;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Locale;

/**
 * A requirement as the API shows it. {@code label}: the ADMIN's words, else the kind's name in the caller's language.
 * A RULE requirement says why ({@code reason}, {@code reasonText}) only to whom may see the budget: to a LIMITED reader
 * the reason would reveal that the budget is at least 25,000 $.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record RequirementView(String id, String kind, String label, String neededBy, String date, String note, String source,
                       String templateId, String reason, String reasonText) {

    static RequirementView of(Requirement r, Permission permission, Locale locale) {
        boolean why = r.source() == RequirementSource.RULE && permission.seesBudget();
        return new RequirementView(r.id(), r.kind().name(), label(r, locale), r.neededBy().name(),
                r.date() == null ? null : r.date().toString(), r.note(), r.source().name(), r.templateId(),
                why ? PublicContractRule.REASON : null,
                why ? Messages.text(locale, "rule." + PublicContractRule.REASON, List.of()) : null);
    }

    static String label(Requirement r, Locale locale) {
        return r.label() != null ? r.label() : Messages.text(locale, "kind." + r.kind().name(), List.of());
    }

    /** A project's requirements. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Requirements(List<RequirementView> items) {
        static Requirements of(List<Requirement> all, Permission permission, Locale locale) {
            return new Requirements(all.stream().map(r -> RequirementView.of(r, permission, locale)).toList());
        }
    }

    /** A template's line: what a copied requirement will say, without an id or origin of its own. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String kind, String label, String neededBy, String date, String note) {
        static Line of(Requirement r) {
            return new Line(r.kind().name(), r.label(), r.neededBy().name(), r.date() == null ? null : r.date().toString(), r.note());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Template(String id, String name, List<Line> requirements) {
        static Template of(RequirementTemplate t) {
            return new Template(t.id(), t.name(), t.requirements().stream().map(Line::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Templates(List<Template> items) {
        static Templates of(List<RequirementTemplate> templates) {
            return new Templates(templates.stream().map(Template::of).toList());
        }
    }
}
