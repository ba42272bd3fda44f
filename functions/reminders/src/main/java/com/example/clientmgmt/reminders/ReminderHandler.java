package com.example.clientmgmt.reminders;

import com.example.clientmgmt.platform.ScheduledTick;
import com.amazonaws.services.lambda.runtime.Context;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;

/** ReminderFunction: each EventBridge schedule tick runs one sweep of due document reminders, as of the tick's time. */
public class ReminderHandler extends MicronautRequestHandler<ScheduledTick, ReminderSweep.Report> {
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
    public ReminderSweep.Report execute(ScheduledTick tick) {
        RequestLog.begin(getApplicationContext().findBean(Context.class).map(Context::getAwsRequestId).orElse(null), null, null, null);
        try {
            return sweep.run(tick == null ? clock.instant() : tick.at(clock));
        } finally {
            RequestLog.end();
        }
    }
}
