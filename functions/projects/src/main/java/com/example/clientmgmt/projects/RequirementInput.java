package com.example.clientmgmt.projects;

import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.DocumentKind;
import com.example.clientmgmt.domain.Ids;
import com.example.clientmgmt.domain.NeededBy;
import com.example.clientmgmt.domain.Requirement;
import com.example.clientmgmt.domain.RequirementSource;
import com.example.clientmgmt.http.JsonBody;

import java.time.LocalDate;

/**
 * One requirement as a caller types it — in a project's list or a template — read from its object in the body:
 * {@code kind} and {@code neededBy} required, {@code date} only with {@code neededBy: DATE}, {@code label} and
 * {@code note} optional; {@code id} (a project's list only) names the requirement it edits.
 */
final class RequirementInput {
    private RequirementInput() {}

    static Requirement read(JsonBody in, boolean withId) {
        String id = withId ? in.optionalText("id", 64) : null;
        DocumentKind kind = in.requiredEnum("kind", DocumentKind.class);
        String label = in.optionalText("label", Requirement.MAX_LABEL);
        NeededBy neededBy = in.requiredEnum("neededBy", NeededBy.class);
        Change<LocalDate> date = in.dateChange("date");
        String note = in.optionalText("note", Requirement.MAX_NOTE);
        in.end();
        if (kind == null || neededBy == null) {
            return null; // its errors are the body's
        }
        LocalDate day = date.applyTo(null);
        in.reject(Requirement.check(in.path(), neededBy, day));
        // an id we never gave names nothing: the line is a new requirement
        return new Requirement(id != null && Ids.isWellFormed(id) ? id : null, kind, label, neededBy, day, note,
                RequirementSource.MANUAL, null);
    }
}
