package com.example.clientmgmt.reminders;

import com.example.clientmgmt.platform.ScheduledTick;
import com.amazonaws.services.lambda.runtime.Context;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * ReminderFunction: each EventBridge schedule tick lists the due document reminders, as of the tick's time, and
 * queues them for the workers ({@link ReminderTick}); it stops listing when the invocation runs low on time.
 */
public class ReminderHandler extends MicronautRequestHandler<ScheduledTick, ReminderTick.Report> {
    @Inject
    ReminderTick tick;
    @Inject
    Clock clock;

    public ReminderHandler() {
    }

    public ReminderHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public ReminderTick.Report execute(ScheduledTick event) {
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        RequestLog.begin(lambda.map(Context::getAwsRequestId).orElse(null), null, null, null);
        try {
            // in process (tests, scripts/invoke without a context) nothing limits the time
            return tick.run(event == null ? clock.instant() : event.at(clock),
                    () -> lambda.map(c -> Duration.ofMillis(c.getRemainingTimeInMillis())).orElse(Duration.ofDays(1)));
        } finally {
            RequestLog.end();
        }
    }
}
