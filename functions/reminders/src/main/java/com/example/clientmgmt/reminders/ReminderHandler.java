package com.example.clientmgmt.reminders;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;

/** ReminderFunction: each EventBridge schedule tick runs one sweep of due document reminders. */
public class ReminderHandler extends MicronautRequestHandler<ScheduledEvent, ReminderSweep.Report> {
    @Inject
    ReminderSweep sweep;
    @Inject
    Clock clock;

    public ReminderHandler() {
    }

    public ReminderHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public ReminderSweep.Report execute(ScheduledEvent event) {
        return sweep.run(clock.instant());
    }
}
