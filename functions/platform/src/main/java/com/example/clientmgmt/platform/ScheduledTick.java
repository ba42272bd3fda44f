package com.example.clientmgmt.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What a scheduled function (reminder sweep, upload reconciliation) reads of EventBridge's scheduled event:
 * its {@code time}, the moment the schedule fired (other fields are ignored). The work runs "as of" that
 * moment, so replaying an edited event replays any moment (scripts/invoke); an event without a readable
 * time runs as of now.
 */
@Serdeable
public record ScheduledTick(@Nullable @JsonProperty("detail-type") String detailType, @Nullable String time) {
    public Instant at(Clock clock) {
        if (time == null || time.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
