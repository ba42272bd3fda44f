package com.example.clientmgmt.domain;

/**
 * Deleting a document's record, decided as a value: its history entry, from its {@link DocumentDeclaration#summary}
 * to nothing. Its file objects are the caller's to remove (the bucket's versioning keeps recoverable copies).
 */
public record DocumentDeletion(AdminDocument document) {
    public FieldChange historyLine() {
        return new FieldChange(DocumentEdit.historyField(document), DocumentDeclaration.summary(document), null);
    }
}
