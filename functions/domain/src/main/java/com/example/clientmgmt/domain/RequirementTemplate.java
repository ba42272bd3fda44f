package com.example.clientmgmt.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One of the organization's named lists of requirements ("Appel d'offres municipal", "Chantier privé") that an ADMIN
 * copies into a project ({@link ProjectRequirements#apply}). Its lines have no id of their own.
 */
public record RequirementTemplate(String id, String name, List<Requirement> requirements) {
    public static final int MAX_NAME = 120;
    /**
     * An organization keeps at most this many templates, with at most {@link #MAX_LINES} lines in all and each at most
     * what a project holds ({@link ProjectRequirements#MAX}).
     */
    public static final int MAX_TEMPLATES = 20;
    public static final int MAX_LINES = 100;

    public RequirementTemplate {
        requirements = List.copyOf(requirements);
    }

    /**
     * The organization's templates replaced by {@code sent}: a template sent with the id of a stored one keeps it (an
     * edit), one without gets a new id; an id we never gave is a 400, as are more than the limits allow.
     */
    public static List<RequirementTemplate> replace(List<RequirementTemplate> stored, List<RequirementTemplate> sent,
                                                    java.time.Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (sent.size() > MAX_TEMPLATES) {
            errors.add(FieldError.of("items", "TOO_MANY_TEMPLATES", MAX_TEMPLATES));
        }
        if (sent.stream().mapToInt(t -> t.requirements().size()).sum() > MAX_LINES) {
            errors.add(FieldError.of("items", "TOO_MANY_REQUIREMENTS", MAX_LINES));
        }
        Set<String> known = new HashSet<>();
        stored.forEach(t -> known.add(t.id()));
        Set<String> seen = new HashSet<>();
        List<RequirementTemplate> out = new ArrayList<>();
        String last = stored.stream().map(RequirementTemplate::id).max(String::compareTo).orElse(null);
        for (int i = 0; i < sent.size(); i++) {
            RequirementTemplate t = sent.get(i);
            if (t.requirements().size() > ProjectRequirements.MAX) {
                errors.add(FieldError.of("items[" + i + "].requirements", "TOO_MANY_REQUIREMENTS", ProjectRequirements.MAX));
            }
            if (t.id() != null && (!known.contains(t.id()) || !seen.add(t.id()))) {
                errors.add(FieldError.of("items[" + i + "].id", "UNKNOWN_TEMPLATE"));
                continue;
            }
            String id = t.id();
            if (id == null) {
                last = Ids.newIdAfter(last, now);
                id = last;
            }
            out.add(new RequirementTemplate(id, t.name(), t.requirements()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return out;
    }
}
