package com.example.clientmgmt.reminders;

import com.example.clientmgmt.platform.ScheduledTick;
import com.example.clientmgmt.platform.Primer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Primes the reminder tick: a scheduled event read from JSON as the runtime reads it, through the handler, as of
 * 1970 — when nothing was due: the tick queries each shard of the due index, finds nothing and queues nothing.
 * Reads only.
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
        if (!Primer.forThisFunction(ReminderHandler.class)) {
            return "reminder tick: not this function";
        }
        ScheduledTick tick = json.readValue("{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                + "\"time\":\"1970-01-01T00:00:00Z\",\"detail\":{}}", ScheduledTick.class);
        ReminderTick.Report report = new ReminderHandler(context).execute(tick);
        return "tick as of 1970: " + report.due() + " due, " + report.workItems() + " queued";
    }
}
