package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.Change;
import com.example.clientmgmt.domain.ContactRole;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.Reminder;
import com.example.clientmgmt.http.JsonBody;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The reminder fields of a document request, flat on the document: {@code reminderDate}, {@code reminderNote},
 * {@code leadDays} (0–90), {@code repeatEveryDays} (1–30, null for once) and {@code alsoNotifyContacts} (client-contact
 * roles also e-mailed: submission, billing, execution). Applied to the reminder the
 * document has (its own, else its default one): a change to any of them gives the document a reminder of its
 * own; {@code reminderDate: null} removes it (a document that expires then has its default one again).
 */
record ReminderFields(Change<LocalDate> date, Change<String> note, Change<Integer> lead, Change<Integer> repeat,
                      Change<Set<ContactRole>> contacts) {
    static final int MAX_NOTE = 1000;

    /** A reminder date set more than a year before {@code today} is refused (it would only fire at once). */
    void requireRecent(LocalDate today) {
        if (date instanceof Change.Set<LocalDate> set) {
            com.example.clientmgmt.domain.Dates.reminderTooOld("reminderDate", set.value(), today).ifPresent(e -> {
                throw ProblemException.invalid(e);
            });
        }
    }

    static ReminderFields read(JsonBody in) {
        return new ReminderFields(in.dateChange("reminderDate"), in.textChange("reminderNote", MAX_NOTE),
                in.intChange("leadDays", 0, Reminder.MAX_LEAD_DAYS), in.intChange("repeatEveryDays", 1, Reminder.MAX_REPEAT_DAYS),
                roles(in.textListChange("alsoNotifyContacts", ContactRole.values().length)));
    }

    private static Change<Set<ContactRole>> roles(Change<List<String>> names) {
        if (!(names instanceof Change.Set<List<String>> set)) {
            return names instanceof Change.Clear ? Change.clear() : Change.keep();
        }
        Set<ContactRole> roles = EnumSet.noneOf(ContactRole.class);
        for (String name : set.value()) {
            roles.add(ContactRole.fromApiName(name)
                    .orElseThrow(() -> ProblemException.invalid(FieldError.of("alsoNotifyContacts", "UNKNOWN_ROLE"))));
        }
        return Change.set(roles);
    }

    boolean any() {
        return !(date instanceof Change.Keep && note instanceof Change.Keep && lead instanceof Change.Keep && repeat instanceof Change.Keep
                && contacts instanceof Change.Keep);
    }

    /** The reminder after these changes to {@code base} (null: none yet); null when it has no date. */
    Reminder applyTo(Reminder base) {
        LocalDate newDate = date.applyTo(base == null ? null : base.date());
        if (newDate == null) {
            if (note instanceof Change.Set || lead instanceof Change.Set || repeat instanceof Change.Set || contacts instanceof Change.Set) {
                throw ProblemException.invalid(FieldError.of("reminderDate", "REMINDER_DATE_REQUIRED"));
            }
            return null;
        }
        Integer newLead = lead.applyTo(base == null ? 0 : base.leadDays());
        Set<ContactRole> newContacts = contacts.applyTo(base == null ? Set.of() : base.contactRoles());
        return new Reminder(newDate, note.applyTo(base == null ? null : base.note()), newLead == null ? 0 : newLead,
                repeat.applyTo(base == null ? null : base.repeatEveryDays()), newContacts);
    }
}
