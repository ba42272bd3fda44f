package com.example.clientmgmt.files;

import com.example.clientmgmt.domain.UploadPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** The upload policy from configuration: env {@code MAX_UPLOAD_BYTES} and {@code ALLOWED_CONTENT_TYPES} (comma-separated). */
@Factory
public class UploadPolicyFactory {
    @Singleton
    UploadPolicy uploadPolicy(@Value("${max.upload.bytes:104857600}") long maxBytes,
                              @Nullable @Value("${allowed.content.types:}") String types) {
        return UploadPolicy.of(maxBytes, types);
    }
}
