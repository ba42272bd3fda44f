package com.example.clientmgmt.documents;

import com.example.clientmgmt.domain.Caller;
import com.example.clientmgmt.domain.FieldError;
import com.example.clientmgmt.domain.FileVersion;
import com.example.clientmgmt.domain.ProblemException;
import com.example.clientmgmt.domain.UploadPolicy;
import com.example.clientmgmt.http.JsonBody;

import java.time.Instant;
import java.util.List;

/** The file part of a declaration ({@code fileName}, {@code contentType}, {@code sizeBytes}): a new document's or a new version's. */
record FileDeclaration(String fileName, String contentType, long sizeBytes) {
    static FileDeclaration read(JsonBody in, UploadPolicy policy) {
        return new FileDeclaration(in.requiredText("fileName", AdminDocumentsController.MAX_FILE_NAME),
                in.requiredText("contentType", 127), in.requiredLong("sizeBytes"));
    }

    /** The upload limits: a 400 naming the fields when the declared file is not acceptable. */
    void check(UploadPolicy policy) {
        List<FieldError> refused = policy.checkDeclared(contentType, sizeBytes);
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(refused);
        }
    }

    FileVersion version(String id, Instant at, Caller caller, Instant pendingUntil) {
        return FileVersion.declared(id, fileName, UploadPolicy.normalize(contentType), sizeBytes, at, caller.userId(), pendingUntil);
    }
}
