package com.example.clientmgmt.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.example.clientmgmt.platform.RequestLog;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * UploadEventsFunction: S3 ObjectCreated events of the documents bucket. Each record is finalized on its
 * own; the result lists the outcomes (for logs and tests). A failure is thrown, so that Lambda retries
 * the event: finalizing is idempotent.
 */
public class UploadEventsHandler extends MicronautRequestHandler<S3Event, List<String>> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadEventsHandler.class);
    @Inject
    UploadFinalizer finalizer;

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
