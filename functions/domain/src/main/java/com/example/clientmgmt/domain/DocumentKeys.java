package com.example.clientmgmt.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Object keys of admin documents' file versions: {@code documents/<org>/<project>/<document>/<version>}, the
 * organization URL-encoded so that no claim value can add a path segment. Anything else in the bucket is
 * not ours.
 */
public final class DocumentKeys {
    public static final String PREFIX = "documents/";

    private DocumentKeys() {}

    public record Parsed(String orgId, String projectId, String documentId, String versionId) {}

    public static String objectKey(String orgId, String projectId, String documentId, String versionId) {
        return PREFIX + URLEncoder.encode(orgId, StandardCharsets.UTF_8) + "/" + projectId + "/" + documentId + "/" + versionId;
    }

    /** The ids in a key we generated, or empty for any other key. */
    public static Optional<Parsed> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4 || parts[0].isEmpty() || !Ids.isWellFormed(parts[1]) || !Ids.isWellFormed(parts[2])
                || !Ids.isWellFormed(parts[3])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts[1], parts[2], parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
