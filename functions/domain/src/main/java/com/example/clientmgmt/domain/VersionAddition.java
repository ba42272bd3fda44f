package com.example.clientmgmt.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adding a file version (the newest, awaiting its upload) to a document, decided as a value. Refused (409) when the
 * document already holds {@link AdminDocument#MAX_VERSIONS}; the write holds that bound too
 * ({@link #versionsBelow()}), so two additions racing for the last place cannot both land.
 * <p>
 * A renewal may bring new dates of issue and expiry ({@link #renewing}): then the addition also carries the
 * {@link DocumentEdit} of those dates — written in the same transaction, conditioned on the document's version read,
 * moving it in the expiring list and re-arming a default reminder that follows the expiry. The dates are the
 * renewal's from the moment it is declared: until its file is checked, readiness says PENDING_UPLOAD.
 */
public record VersionAddition(AdminDocument document, FileVersion version, Optional<DocumentEdit> dates) {
    public VersionAddition(AdminDocument document, FileVersion version) {
        this(document, version, Optional.empty());
    }

    public static VersionAddition of(AdminDocument document, FileVersion version) {
        if (document.versions().size() >= AdminDocument.MAX_VERSIONS) {
            throw AdminDocument.full();
        }
        return new VersionAddition(document, version);
    }

    /**
     * The addition of {@code version} to {@code document} (read at {@code readVersion}) with its new {@code dates}
     * ({@link DocumentDates#apply}); unchanged dates are a plain addition.
     */
    public static VersionAddition renewing(ReminderSchedule schedule, AdminDocument document, long readVersion,
                                           FileVersion version, DocumentDates dates) {
        VersionAddition plain = of(document, version);
        if (dates.equals(document.dates())) {
            return plain;
        }
        AdminDocument after = document.withDetailsAndDates(document.title(), document.kind(), dates, document.reminder());
        return new VersionAddition(document, version, Optional.of(DocumentEdit.of(schedule, document, readVersion, after)));
    }

    /** The precondition of the write: the document, as stored, has fewer versions than this. */
    public int versionsBelow() {
        return AdminDocument.MAX_VERSIONS;
    }

    /** The document once the version and the dates (if any) are added. */
    public AdminDocument after() {
        return dates.map(DocumentEdit::after).orElse(document).withNewVersion(version);
    }

    /** Its history entry: the version's field, from nothing to its file name and declared size. */
    public FieldChange historyLine() {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("fileName", version.fileName());
        summary.put("sizeBytes", Long.toString(version.declaredSize()));
        return new FieldChange(DocumentEdit.versionField(document, version.id()), null, summary);
    }
}
