package com.example.clientmgmt.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The {@code RequirementAtRisk} event of the application bus: a project's requirement not satisfied {@code daysLeft}
 * days before the day it is needed by ({@code date}; SPEC v3 "Requirements and bid readiness"). The daily sweep publishes
 * it once per requirement and day; the mailer (the bus's rule) and any other consumer read it. {@code label} is the
 * ADMIN's name for it (none: the kind's); {@code status} why it is not satisfied ({@code MISSING}, {@code EXPIRES_BEFORE},
 * {@code PENDING_UPLOAD}, {@code ISSUED_TOO_LATE}); {@code recipients} are the project's ADMINs (user ids);
 * {@code idempotencyKey} is the same for every publication of one warning.
 */
@Serdeable
public record RequirementAtRisk(String organizationId, String organizationName, String defaultLanguage, String projectId,
                                String projectName, String requirementId, String kind, @Nullable String label, String neededBy,
                                String date, long daysLeft, String status, List<String> recipients, String idempotencyKey) {
    public static final String SOURCE = "clientmgmt.readiness";
    public static final String DETAIL_TYPE = "RequirementAtRisk";

    /** The event as an EventBridge rule target receives it: the envelope around the detail. */
    @Serdeable
    public record Envelope(@Nullable String id, @Nullable @JsonProperty("detail-type") String detailType, @Nullable String source,
                           @Nullable String time, @Nullable RequirementAtRisk detail) {}
}
