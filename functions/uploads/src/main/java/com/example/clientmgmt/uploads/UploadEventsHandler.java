package com.example.clientmgmt.uploads;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * UploadEventsFunction: S3 ObjectCreated events of the documents bucket. Each record is finalized on its
 * own; the result lists the outcomes (for logs and tests). A failure is thrown, so that Lambda retries
 * the event: finalizing is idempotent.
 */
public class UploadEventsHandler extends MicronautRequestHandler<S3Event, List<String>> {
    @Inject
    UploadFinalizer finalizer;

    public UploadEventsHandler() {
    }

    public UploadEventsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public List<String> execute(S3Event event) {
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
