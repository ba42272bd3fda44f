package com.example.clientmgmt.mailer;

import com.amazonaws.services.lambda.runtime.Context;
import com.example.clientmgmt.platform.DocumentReminderDue;
import com.example.clientmgmt.platform.RequestLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * MailerFunction: an EventBridge rule delivers each {@code DocumentReminderDue} event of the application bus
 * here (asynchronously). Events of another type are ignored. When an e-mail still fails after SES retries,
 * the invocation fails: Lambda retries the event (already mailed recipients are not mailed again) and then
 * sends it to the on-failure queue, whose alarm fires.
 */
public class MailerHandler extends MicronautRequestHandler<DocumentReminderDue.Envelope, Mailer.Report> {
    @Inject
    Mailer mailer;
    @Inject
    Clock clock;

    public MailerHandler() {
    }

    public MailerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Mailer.Report execute(DocumentReminderDue.Envelope event) {
        if (event == null || event.detail() == null || !DocumentReminderDue.DETAIL_TYPE.equals(event.detailType())) {
            return Mailer.Report.nothing(null, false);
        }
        RequestLog.begin(getApplicationContext().findBean(Context.class).map(Context::getAwsRequestId).orElse(null), null, null, null);
        try {
            Mailer.Report report = mailer.send(event.detail(), clock.instant());
            if (report.failed() > 0) {
                throw new IllegalStateException(report.failed() + " e-mail(s) of " + report.idempotencyKey() + " failed: the event is retried");
            }
            return report;
        } finally {
            RequestLog.end();
        }
    }
}
