package com.example.clientmgmt.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adding a file version (the newest, awaiting its upload) to a document, decided as a value. Refused (409) when the
 * document already holds {@link AdminDocument#MAX_VERSIONS}; the write holds that bound too
 * ({@link #versionsBelow()}), so two additions racing for the last place cannot both land.
 */
public record VersionAddition(AdminDocument document, FileVersion version) {
    public static VersionAddition of(AdminDocument document, FileVersion version) {
        if (document.versions().size() >= AdminDocument.MAX_VERSIONS) {
            throw AdminDocument.full();
        }
        return new VersionAddition(document, version);
    }

    /** The precondition of the write: the document, as stored, has fewer versions than this. */
    public int versionsBelow() {
        return AdminDocument.MAX_VERSIONS;
    }

    /** Its history entry: the version's field, from nothing to its file name and declared size. */
    public FieldChange historyLine() {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("fileName", version.fileName());
        summary.put("sizeBytes", Long.toString(version.declaredSize()));
        return new FieldChange(DocumentEdit.versionField(document, version.id()), null, summary);
    }
}
