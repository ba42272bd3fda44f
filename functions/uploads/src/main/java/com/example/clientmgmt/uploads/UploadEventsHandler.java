package com.example.clientmgmt.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.example.clientmgmt.platform.Metrics;
import com.example.clientmgmt.platform.RequestLog;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UploadEventsFunction: S3 ObjectCreated events of the documents bucket. Each record is finalized on its
 * own; the result lists the outcomes (for logs and tests). A failure is thrown, so that Lambda retries
 * the event: finalizing is idempotent.
 */
public class UploadEventsHandler extends MicronautRequestHandler<S3Event, List<String>> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadEventsHandler.class);
    /** One metric per outcome, which the alarms and dashboards read. */
    static final Map<UploadFinalizer.Outcome, String> METRIC = Map.of(
            UploadFinalizer.Outcome.AVAILABLE, "UploadsFinalized", UploadFinalizer.Outcome.REJECTED, "UploadsRejected",
            UploadFinalizer.Outcome.UNKNOWN_KEY, "UploadsUnknown", UploadFinalizer.Outcome.ALREADY_FINAL, "UploadsAlreadyFinal",
            UploadFinalizer.Outcome.OBJECT_GONE, "UploadsObjectGone", UploadFinalizer.Outcome.ORPHAN_REMOVED, "UploadsOrphanRemoved",
            UploadFinalizer.Outcome.CANNOT_TELL, "UploadsUndetermined");
    @Inject
    UploadFinalizer finalizer;
    @Inject
    Metrics metrics;

    public UploadEventsHandler() {
    }

    public UploadEventsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public List<String> execute(S3Event event) {
        RequestLog.begin(getApplicationContext().findBean(Context.class).map(Context::getAwsRequestId).orElse(null), null, null, null);
        try {
            List<String> outcomes = finalizeAll(event);
            LOG.info("upload event: {}", outcomes);
            metrics.record(outcomes.stream().collect(java.util.stream.Collectors.toMap(
                    o -> METRIC.get(UploadFinalizer.Outcome.valueOf(o)), o -> 1.0, Double::sum)), Unit.COUNT, Map.of());
            return outcomes;
        } finally {
            RequestLog.end();
        }
    }

    private List<String> finalizeAll(S3Event event) {
        List<String> outcomes = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return outcomes;
        }
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")) {
                continue;
            }
            var object = record.getS3().getObject();
            // an unversioned event carries no version id (some emitters send it empty)
            String version = object.getVersionId() == null || object.getVersionId().isBlank() ? null : object.getVersionId();
            outcomes.add(finalizer.finalizeUpload(object.getUrlDecodedKey(), version).name());
        }
        return outcomes;
    }
}
