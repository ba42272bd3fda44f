package com.example.clientmgmt.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document the client requires for a project (SPEC v3 "Requirements and bid readiness"): of one {@link DocumentKind}
 * (only a document of that kind satisfies it), held and valid on the day it is {@link NeededBy}. {@code label} and
 * {@code note} are the ADMIN's words (no label: the kind's name is shown); {@code templateId} names the template a
 * TEMPLATE requirement was copied from.
 */
public record Requirement(String id, DocumentKind kind, String label, NeededBy neededBy, LocalDate date, String note,
                          RequirementSource source, String templateId) {
    public static final int MAX_LABEL = 120;
    public static final int MAX_NOTE = 500;

    public Requirement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(neededBy, "neededBy");
        Objects.requireNonNull(source, "source");
    }

    /**
     * What a caller typed, checked: a {@code date} goes with {@code neededBy: DATE} only, which needs one. Errors name
     * their field under {@code path} (e.g. {@code items[2].date}).
     */
    public static List<FieldError> check(String path, NeededBy neededBy, LocalDate date) {
        if (neededBy == NeededBy.DATE && date == null) {
            return List.of(FieldError.of(path + "date", "DATE_REQUIRED"));
        }
        if (neededBy != NeededBy.DATE && date != null) {
            return List.of(FieldError.of(path + "date", "DATE_ONLY_WITH_NEEDED_BY_DATE", neededBy.name()));
        }
        return List.of();
    }

    /** The day it is needed for a project with {@code info}; null: the project has no such date yet. */
    public LocalDate dueIn(AdminInfo info) {
        return neededBy.dateIn(info, date);
    }

    /** The same requirement, of another origin and id (a template's line copied into a project). */
    public Requirement as(String newId, RequirementSource newSource, String fromTemplate) {
        return new Requirement(newId, kind, label, neededBy, date, note, newSource, fromTemplate);
    }

    /** Whether it says the same as {@code other}, whatever its id and origin. */
    public boolean sameTerms(Requirement other) {
        return kind == other.kind && Objects.equals(label, other.label) && neededBy == other.neededBy
                && Objects.equals(date, other.date) && Objects.equals(note, other.note);
    }

    /** Its line in the admin history. */
    public Map<String, String> summary() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("kind", kind.name());
        if (label != null) {
            out.put("label", label);
        }
        out.put("neededBy", neededBy.name());
        if (date != null) {
            out.put("date", date.toString());
        }
        if (note != null) {
            out.put("note", note);
        }
        out.put("source", source.name());
        return out;
    }

    /** The path of a project's requirement in its admin history. */
    public String historyField() {
        return "requirements." + id;
    }
}
