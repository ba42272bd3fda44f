package com.example.clientmgmt.domain;

import java.util.List;
import java.util.function.Supplier;

/**
 * Who may change the directory and its licences, and when a licence may go: the licence rule of SPEC's
 * "Client contacts" tab.
 */
public final class Directory {
    /**
     * An e-mail address SES will send to (reminders go to client contacts): an ASCII dot-atom local part of at most 64
     * characters, an ASCII host name with a dot (IDN hosts in their xn-- form) — no quotes, angle brackets, commas or
     * blanks, which SES refuses and which would send the whole reminder event to the failure queue.
     */
    public static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** What a phone number may look like (kept loose: people type them). */
    public static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[0-9+()./ -]{3,30}( *(ext\\.?|x|poste) *[0-9]{1,6})?");
    public static final int MAX_NAME = 200;

    private Directory() {}

    /** Organization admins, and ADMINs of any project, add people (SPEC: "project ADMINs may also add people"). */
    public static void requireMayAdd(Caller caller, boolean adminOfAProject) {
        if (!caller.orgAdmin() && !adminOfAProject) {
            throw new ProblemException(ProblemCode.FORBIDDEN, "DIRECTORY_EDIT_FORBIDDEN", List.of(), List.of());
        }
    }

    /** Changing a person's name, company, e-mail or phone, and reading their history: organization admins only. */
    public static void requireOrganizationAdmin(Caller caller) {
        if (!caller.orgAdmin()) {
            throw new ProblemException(ProblemCode.FORBIDDEN, "DIRECTORY_ORG_ADMIN", List.of(), List.of());
        }
    }

    /**
     * Changing a licence: giving or removing the FREE licence is for organization admins and project
     * ADMINs; anything that gives or takes a paid STANDARD licence is for organization admins only.
     */
    public static void requireMayChangeLicence(Caller caller, boolean adminOfAProject, Licence from, Licence to) {
        requireMayAdd(caller, adminOfAProject);
        if ((from.isPaid() || to.isPaid()) && !caller.orgAdmin()) {
            throw new ProblemException(ProblemCode.FORBIDDEN, "STANDARD_LICENCE_ORG_ADMIN", List.of(), List.of());
        }
    }

    /**
     * A person who is somebody's client contact keeps a licence: removing it is refused with the projects to fix
     * first — named when the caller may read them, counted otherwise ({@link ContactProjects}, read only then).
     * (Decision: refuse rather than keep a contact without a licence; see README.)
     */
    public static void requireLicenceMayBeRemoved(Person person, Licence to, Supplier<ContactProjects> contactProjects) {
        if (to.allowsClientContact() || person.contactOf().isEmpty()) {
            return;
        }
        ContactProjects projects = contactProjects.get();
        String names = String.join(", ", projects.readable());
        if (projects.others() == 0) {
            throw new ProblemException(ProblemCode.CONFLICT, "LICENCE_IN_USE", List.of(person.name(), names), List.of());
        }
        if (projects.readable().isEmpty()) {
            throw new ProblemException(ProblemCode.CONFLICT, "LICENCE_IN_USE_UNREADABLE", List.of(person.name(), projects.others()), List.of());
        }
        throw new ProblemException(ProblemCode.CONFLICT, "LICENCE_IN_USE_ALSO_UNREADABLE",
                List.of(person.name(), names, projects.others()), List.of());
    }

    /** The person chosen as a client contact must hold a licence (FREE is enough). */
    public static void requireMayBeClientContact(Person person) {
        if (!person.licence().allowsClientContact()) {
            throw new ProblemException(ProblemCode.LICENCE_REQUIRED, "LICENCE_REQUIRED", List.of(person.name()), List.of());
        }
    }
}
