package com.example.clientmgmt.reminders;

import com.example.clientmgmt.platform.ScheduledTick;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Primes the reminder function: a scheduled event read from JSON as the runtime reads it, through the
 * handler, as of 1970 — when nothing was due: the sweep queries each shard of the due index and finds
 * nothing to claim. Reads only.
 */
@Singleton
public class ReminderPrimer implements Primer {
    private final ApplicationContext context;
    private final JsonMapper json;

    public ReminderPrimer(ApplicationContext context, JsonMapper json) {
        this.context = context;
        this.json = json;
    }

    @Override
    public String prime() throws IOException {
        ScheduledTick tick = json.readValue("{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                + "\"time\":\"1970-01-01T00:00:00Z\",\"detail\":{}}", ScheduledTick.class);
        ReminderSweep.Report report = new ReminderHandler(context).execute(tick);
        return "sweep as of 1970: " + report.due() + " due";
    }
}
