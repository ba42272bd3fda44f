package com.example.clientmgmt.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.example.clientmgmt.platform.RequestLog;
import com.example.clientmgmt.platform.ScheduledTick;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * UploadReconcileFunction: each EventBridge schedule tick runs one reconciliation of uploads whose S3 event
 * never came ({@link UploadReconciler}), as of the tick's time. Same jar as UploadEventsFunction.
 */
public class ReconcileHandler extends MicronautRequestHandler<ScheduledTick, UploadReconciler.Report> {
    @Inject
    UploadReconciler reconciler;
    @Inject
    Clock clock;

    public ReconcileHandler() {
    }

    public ReconcileHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public UploadReconciler.Report execute(ScheduledTick tick) {
        RequestLog.begin(getApplicationContext().findBean(Context.class).map(Context::getAwsRequestId).orElse(null), null, null, null);
        try {
            return reconciler.run(tick == null ? clock.instant() : tick.at(clock));
        } finally {
            RequestLog.end();
        }
    }
}
