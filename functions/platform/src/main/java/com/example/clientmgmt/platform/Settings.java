package com.example.clientmgmt.platform;

import com.example.clientmgmt.domain.ReminderSchedule;
import com.example.clientmgmt.domain.UploadPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The domain's configurable pieces, built from the settings of {@code application.properties} (where each
 * one's default is written, once) or the environment variables that override them.
 */
@Factory
public class Settings {
    /** The system clock, unless a test supplies its own. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Reminders fire at 07:00 in the organization's time zone, this one ({@code org.time.zone}, env
     * {@code ORG_TIME_ZONE}) for organizations without settings; documents that expire get a default
     * reminder {@code reminders.default-lead-days} before, every {@code reminders.default-repeat-days}.
     */
    @Singleton
    ReminderSchedule reminderSchedule(@Value("${org.time.zone}") String zone,
                                      @Value("${reminders.default-lead-days}") int leadDays,
                                      @Value("${reminders.default-repeat-days}") int repeatDays) {
        return new ReminderSchedule(ZoneId.of(zone), leadDays, repeatDays);
    }

    /** Accepted uploads ({@code max.upload.bytes}, {@code allowed.content.types}). */
    @Singleton
    UploadPolicy uploadPolicy(@Value("${max.upload.bytes}") long maxBytes,
                              @Nullable @Value("${allowed.content.types:}") String types) {
        return UploadPolicy.of(maxBytes, types);
    }
}
