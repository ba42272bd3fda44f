package com.example.clientmgmt.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ReminderWorkerFunction: a batch of work items from the reminder work queue (an SQS event source mapping with
 * ReportBatchItemFailures). Each item is fired on its own ({@link ReminderWorker}), as of the later of its tick's moment
 * and now (a replayed tick fires as of its time; an item that waited fires as of now). The answer names the items to
 * deliver again: one that failed, or whose events the bus refused (its claims lapse before SQS delivers it again);
 * the others are deleted. An item that keeps failing ends in the queue's dead-letter queue (alarmed); its reminders
 * stay due, so a later tick lists them again.
 */
public class ReminderWorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderWorkerHandler.class);
    @Inject
    ReminderWorker worker;
    @Inject
    JsonMapper json;
    @Inject
    Clock clock;
    @Inject
    ReminderSweep sweep;

    public ReminderWorkerHandler() {
    }

    public ReminderWorkerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        RequestLog.begin(getApplicationContext().findBean(Context.class).map(Context::getAwsRequestId).orElse(null), null, null, null);
        try {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            ReminderSweep.Tally total = new ReminderSweep.Tally();
            List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
            for (SQSEvent.SQSMessage message : messages) {
                try {
                    ReminderWork work = json.readValue(message.getBody(), ReminderWork.class);
                    Instant now = work.asOf() != null && work.asOf().isAfter(clock.instant()) ? work.asOf() : clock.instant();
                    ReminderSweep.Tally t = worker.handle(work, now);
                    total.add(t);
                    if (t.failed > 0) {
                        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("work item {} failed (delivered again, then dead-lettered): {}", message.getMessageId(), e.toString());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            LOG.info("reminder work: items={} due={} fired={} heldClosed={} publishFailed={} itemsAgain={}",
                    messages.size(), total.due, total.fired, total.held, total.failed, failures.size());
            sweep.record(total, Map.of("ReminderWorkRetried", (double) failures.size()));
            return new SQSBatchResponse(failures);
        } finally {
            RequestLog.end();
        }
    }
}
