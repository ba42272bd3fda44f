package com.example.clientmgmt.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's stored requirements (MANUAL and TEMPLATE, in the order they were added) and the templates already applied
 * to it, at {@code version} (0: never written). Every change is decided here as a value: the requirements after
 * it and one history line per requirement added, changed or removed ({@link Decision}); storage writes it conditioned on
 * {@code version}. The RULE requirement is not stored ({@link #all}).
 */
public record ProjectRequirements(List<Requirement> items, List<String> appliedTemplates, long version) {
    /**
     * A project holds at most this many stored requirements: its item stays far below DynamoDB's 400 KB, and replacing
     * them all by as many others (one history entry each removed and added, with the guard and the item) fits the 100
     * items of one transaction.
     */
    public static final int MAX = 40;
    public static final ProjectRequirements NONE = new ProjectRequirements(List.of(), List.of(), 0);

    public ProjectRequirements {
        items = List.copyOf(items);
        appliedTemplates = List.copyOf(appliedTemplates);
    }

    /** Every requirement of a project with {@code info}: the rule's first (when it applies), then the stored ones. */
    public List<Requirement> all(AdminInfo info) {
        List<Requirement> out = new ArrayList<>();
        PublicContractRule.requirement(info).ifPresent(out::add);
        out.addAll(items);
        return out;
    }

    public Optional<Requirement> find(String id) {
        return items.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The MANUAL requirements replaced by {@code manual} (TEMPLATE ones stay). A sent line that names one of the
     * MANUAL requirements by id keeps its id (an edit); any other gets a new one, sorting after every stored id.
     */
    public Decision replaceManual(List<Requirement> manual, Instant now) {
        Map<String, Requirement> before = new LinkedHashMap<>();
        items.stream().filter(r -> r.source() == RequirementSource.MANUAL).forEach(r -> before.put(r.id(), r));
        List<Requirement> after = new ArrayList<>();
        items.stream().filter(r -> r.source() != RequirementSource.MANUAL).forEach(after::add);
        String lastId = lastId();
        List<FieldChange> history = new ArrayList<>();
        for (Requirement sent : manual) {
            Requirement kept = sent.id() == null ? null : before.remove(sent.id());
            String id = kept != null ? kept.id() : (lastId = Ids.newIdAfter(lastId, now));
            Requirement r = sent.as(id, RequirementSource.MANUAL, null);
            after.add(r);
            if (kept == null) {
                history.add(new FieldChange(r.historyField(), null, r.summary()));
            } else if (!kept.sameTerms(r)) {
                history.add(new FieldChange(r.historyField(), kept.summary(), r.summary()));
            }
        }
        before.values().forEach(gone -> history.add(new FieldChange(gone.historyField(), gone.summary(), null)));
        return decide(after, appliedTemplates, history);
    }

    /** Without the stored requirement {@code id} (404 when there is none: a RULE requirement is not stored). */
    public Decision remove(String id) {
        Requirement gone = find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        List<Requirement> after = new ArrayList<>(items);
        after.remove(gone);
        return decide(after, appliedTemplates, List.of(new FieldChange(gone.historyField(), gone.summary(), null)));
    }

    /**
     * With {@code template}'s requirements added, once: a template already applied adds nothing (even if some of its
     * requirements were removed since — applying it is a one-time copy, not a subscription).
     */
    public Decision apply(RequirementTemplate template, Instant now) {
        if (appliedTemplates.contains(template.id())) {
            return decide(items, appliedTemplates, List.of());
        }
        List<Requirement> after = new ArrayList<>(items);
        List<FieldChange> history = new ArrayList<>();
        String lastId = lastId();
        for (Requirement line : template.requirements()) {
            lastId = Ids.newIdAfter(lastId, now);
            Requirement r = line.as(lastId, RequirementSource.TEMPLATE, template.id());
            after.add(r);
            history.add(new FieldChange(r.historyField(), null, r.summary()));
        }
        List<String> applied = new ArrayList<>(appliedTemplates);
        applied.add(template.id());
        return decide(after, applied, history);
    }

    /** A decided change: {@code after} (one version on) and its history lines. */
    public record Decision(ProjectRequirements before, ProjectRequirements after, List<FieldChange> history) {
        public Decision {
            history = List.copyOf(history);
        }

        /** True when nothing is to be written. */
        public boolean none() {
            return history.isEmpty() && after.appliedTemplates.equals(before.appliedTemplates);
        }
    }

    private Decision decide(List<Requirement> after, List<String> applied, List<FieldChange> history) {
        if (after.size() > MAX) {
            throw ProblemException.invalid(FieldError.of("items", "TOO_MANY_REQUIREMENTS", MAX));
        }
        return new Decision(this, new ProjectRequirements(after, applied, version + 1), history);
    }

    /** The newest id among the stored requirements: new ones sort after it, so the list keeps the order they came in. */
    private String lastId() {
        return items.stream().map(Requirement::id).max(String::compareTo).orElse(null);
    }
}
