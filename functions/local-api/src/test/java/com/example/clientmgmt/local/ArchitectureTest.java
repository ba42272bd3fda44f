package com.example.clientmgmt.local;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules, checked on the compiled classes of every module (this module has them all on its classpath):
 * the domain is plain Java; storage persists what the domain decided and knows no rule; a function reaches storage
 * only through its stores and reads, never through an item's codec or the expression kit. The storage codecs are
 * public only because the aggregates' packages share them (a document's item carries its reminder's keys); these
 * rules are what keeps them storage's own.
 */
class ArchitectureTest {
    static final String APP = "com.example.clientmgmt";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);
    /** The packages of the function modules and of the HTTP layer they share (not the benchmarks, which seed tables). */
    static final String[] FUNCTIONS = {APP + ".contacts..", APP + ".documents..", APP + ".files..", APP + ".login..",
            APP + ".mailer..", APP + ".notifications..", APP + ".projects..", APP + ".reminders..", APP + ".uploads..",
            APP + ".http.."};
    /** Storage's own: how an item is laid out and how an expression is written. */
    static final Set<String> STORAGE_KIT = Set.of("Attrs", "BatchReads", "Expressions", "Keys", "Queries",
            "SortKeyRange", "ProjectGuard", "CodecPrimer");

    @Test
    void theDomainIsPlainJava() {
        classes().that().resideInAPackage(APP + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", APP + ".domain..")
                .because("a rule is read and tested without AWS, Micronaut or storage")
                .check(CLASSES);
    }

    @Test
    void storageKnowsNoRuleOutsideTheExplanationOfARefusal() {
        noClasses().that().resideInAPackage(APP + ".storage..").and().doNotHaveSimpleName("ProjectGuard")
                .should().dependOnClassesThat().haveFullyQualifiedName(APP + ".domain.ReminderSchedule")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(APP + ".domain.ProjectAccess")
                .because("the use case values carry the decision; ProjectGuard.explain may ask why a write was refused")
                .check(CLASSES);
    }

    @Test
    void storageDependsOnNoFunction() {
        noClasses().that().resideInAPackage(APP + ".storage..")
                .should().dependOnClassesThat().resideInAnyPackage(FUNCTIONS)
                .check(CLASSES);
    }

    @Test
    void aFunctionReachesStorageOnlyThroughItsStoresAndReads() {
        DescribedPredicate<JavaClass> storageInternals = DescribedPredicate.describe(
                "a storage codec (*Item) or the storage kit " + STORAGE_KIT,
                c -> c.getPackageName().startsWith(APP + ".storage")
                        && (outermost(c).getSimpleName().endsWith("Item") || STORAGE_KIT.contains(outermost(c).getSimpleName())));
        noClasses().that().resideInAnyPackage(FUNCTIONS)
                .should().dependOnClassesThat(storageInternals)
                .because("an item's layout has one owner, in storage")
                .check(CLASSES);
    }

    @Test
    void theRulesSeeEveryModule() {
        // a rule over no classes passes whatever it says: make sure each side of the rules above was imported
        for (String pkg : new String[] {"domain", "storage.project", "storage.documents", "storage.reminders",
                "storage.directory", "storage.notifications", "storage.organization", "contacts", "documents",
                "projects", "reminders", "uploads", "mailer", "notifications", "http"}) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    CLASSES.stream().anyMatch(c -> c.getPackageName().equals(APP + "." + pkg)), "no class imported from " + pkg);
        }
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass o = c;
        while (o.getEnclosingClass().isPresent()) {
            o = o.getEnclosingClass().get();
        }
        return o;
    }
}
