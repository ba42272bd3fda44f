package com.example.clientmgmt.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's stored requirements: replacing the manual ones, applying a template once, removing one; every change recorded. */
class ProjectRequirementsTest {
    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    static final RequirementTemplate MUNICIPAL = new RequirementTemplate("tpl1", "Appel d'offres municipal", List.of(
            line(DocumentKind.BID_BOND, NeededBy.SUBMISSION, null), line(DocumentKind.RBQ_LICENCE, NeededBy.SUBMISSION, null)));

    static Requirement line(DocumentKind kind, NeededBy by, LocalDate date) {
        return new Requirement(null, kind, null, by, date, null, RequirementSource.MANUAL, null);
    }

    @Test
    void aTemplateIsAppliedOnceAndItsLinesKeepWhereTheyCameFrom() {
        ProjectRequirements.Decision first = ProjectRequirements.NONE.apply(MUNICIPAL, NOW);
        assertEquals(2, first.after().items().size());
        assertTrue(first.after().items().stream().allMatch(r -> r.source() == RequirementSource.TEMPLATE && "tpl1".equals(r.templateId())));
        assertEquals(List.of("tpl1"), first.after().appliedTemplates());
        assertEquals(2, first.history().size());
        assertEquals(1, first.after().version());
        ProjectRequirements.Decision again = first.after().apply(MUNICIPAL, NOW.plusSeconds(1));
        assertTrue(again.none(), "applying it again adds nothing");
        assertEquals(first.after().items(), again.after().items());
        // even after one of its lines was removed
        ProjectRequirements fewer = first.after().remove(first.after().items().get(0).id()).after();
        assertTrue(fewer.apply(MUNICIPAL, NOW).none());
    }

    @Test
    void replacingTheManualOnesKeepsTheTemplateOnesAndTheIdsOfThoseEdited() {
        ProjectRequirements withTemplate = ProjectRequirements.NONE.apply(MUNICIPAL, NOW).after();
        ProjectRequirements.Decision put = withTemplate.replaceManual(List.of(line(DocumentKind.CNESST_CERTIFICATE, NeededBy.START, null),
                line(DocumentKind.CCQ_STATEMENT, NeededBy.DATE, LocalDate.of(2027, 1, 15))), NOW);
        List<Requirement> after = put.after().items();
        assertEquals(4, after.size());
        assertEquals(List.of(RequirementSource.TEMPLATE, RequirementSource.TEMPLATE, RequirementSource.MANUAL, RequirementSource.MANUAL),
                after.stream().map(Requirement::source).toList());
        List<String> ids = after.stream().map(Requirement::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "new ids sort after the stored ones: the list keeps its order");
        Requirement cnesst = after.get(2);
        // an edit of one (same id), one dropped, one added
        Requirement edited = new Requirement(cnesst.id(), DocumentKind.CNESST_CERTIFICATE, "Attestation CNESST", NeededBy.SUBMISSION,
                null, "Demander au bureau", RequirementSource.MANUAL, null);
        ProjectRequirements.Decision next = put.after().replaceManual(List.of(edited, line(DocumentKind.AMP_AUTHORIZATION,
                NeededBy.SUBMISSION, null)), NOW.plusSeconds(1));
        assertEquals(cnesst.id(), next.after().items().get(2).id());
        assertEquals("Attestation CNESST", next.after().items().get(2).label());
        assertEquals(3, next.history().size(), "one changed, one added, one removed");
        FieldChange change = next.history().get(0);
        assertEquals("requirements." + cnesst.id(), change.field());
        assertEquals("START", ((Map<?, ?>) change.from()).get("neededBy"));
        assertEquals("SUBMISSION", ((Map<?, ?>) change.to()).get("neededBy"));
        assertNull(next.history().get(2).to(), "the removed one");
        assertTrue(next.after().replaceManual(List.copyOf(next.after().items().subList(2, 4)), NOW).history().isEmpty(),
                "sending the same list changes nothing");
    }

    @Test
    void anUnknownIdIsANewRequirementNeverAnotherSourcesOne() {
        ProjectRequirements withTemplate = ProjectRequirements.NONE.apply(MUNICIPAL, NOW).after();
        Requirement templateOne = withTemplate.items().get(0);
        ProjectRequirements after = withTemplate.replaceManual(List.of(templateOne.as(templateOne.id(), RequirementSource.MANUAL, null)),
                NOW).after();
        assertEquals(3, after.items().size(), "a TEMPLATE requirement is not replaced through PUT");
        assertNotEquals(templateOne.id(), after.items().get(2).id());
    }

    @Test
    void removingOneThatIsNotStoredIsNotFoundAndTheCountIsBounded() {
        assertEquals(ProblemCode.NOT_FOUND, assertThrows(ProblemException.class,
                () -> ProjectRequirements.NONE.remove(PublicContractRule.REQUIREMENT_ID)).code());
        List<Requirement> many = new ArrayList<>(Collections.nCopies(ProjectRequirements.MAX, line(DocumentKind.OTHER, NeededBy.END, null)));
        ProjectRequirements full = ProjectRequirements.NONE.replaceManual(many, NOW).after();
        assertEquals(ProjectRequirements.MAX, full.items().size());
        ProblemException tooMany = assertThrows(ProblemException.class, () -> full.apply(MUNICIPAL, NOW));
        assertEquals("TOO_MANY_REQUIREMENTS", tooMany.fieldErrors().get(0).reason());
    }

    @Test
    void aDateGoesWithNeededByDateOnlyWhichNeedsOne() {
        assertEquals(List.of(), Requirement.check("items[0].", NeededBy.DATE, LocalDate.of(2027, 1, 1)));
        assertEquals("DATE_REQUIRED", Requirement.check("items[0].", NeededBy.DATE, null).get(0).reason());
        FieldError error = Requirement.check("items[1].", NeededBy.START, LocalDate.of(2027, 1, 1)).get(0);
        assertEquals("items[1].date", error.field());
        assertEquals("DATE_ONLY_WITH_NEEDED_BY_DATE", error.reason());
    }

    @Test
    void templatesKeepTheirIdsRefuseOnesNeverGivenAndStayWithinTheirLimits() {
        List<RequirementTemplate> stored = RequirementTemplate.replace(List.of(), List.of(new RequirementTemplate(null, "A", List.of())), NOW);
        String id = stored.get(0).id();
        assertTrue(Ids.isWellFormed(id));
        List<RequirementTemplate> renamed = RequirementTemplate.replace(stored, List.of(new RequirementTemplate(id, "B", List.of()),
                new RequirementTemplate(null, "C", List.of())), NOW);
        assertEquals(id, renamed.get(0).id());
        assertEquals("B", renamed.get(0).name());
        assertEquals("UNKNOWN_TEMPLATE", assertThrows(ProblemException.class, () -> RequirementTemplate.replace(stored,
                List.of(new RequirementTemplate("someoneelses", "X", List.of())), NOW)).fieldErrors().get(0).reason());
        List<RequirementTemplate> tooMany = new ArrayList<>(Collections.nCopies(RequirementTemplate.MAX_TEMPLATES + 1,
                new RequirementTemplate(null, "T", List.of())));
        assertEquals("TOO_MANY_TEMPLATES", assertThrows(ProblemException.class,
                () -> RequirementTemplate.replace(List.of(), tooMany, NOW)).fieldErrors().get(0).reason());
    }
}
