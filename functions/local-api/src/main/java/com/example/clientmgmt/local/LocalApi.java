package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.BusCapture;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.DevTokens;
import com.example.clientmgmt.testkit.LocalGateway;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import com.example.clientmgmt.testkit.SqsEventSource;
import com.example.clientmgmt.testkit.UploadEventPump;
import com.example.clientmgmt.reminders.ReminderWorkerHandler;
import com.example.clientmgmt.uploads.UploadEventsHandler;
import com.example.clientmgmt.mailer.MailerHandler;
import com.example.clientmgmt.testkit.Mailbox;
import io.micronaut.context.ApplicationContext;
import com.example.clientmgmt.http.ApiHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * scripts/dev: the whole HTTP API on 127.0.0.1:3000 against the emulator. Creates the table, bucket and
 * bus from template.yaml (kept while the emulator runs), delivers the bucket's upload events to the
 * upload-event handler, the reminder work queue's items to the reminder worker and the mail queue's events to the mailer, loads the demo data through the API, prints ready-to-paste tokens, then serves
 * until stopped.
 */
public final class LocalApi {
    /** Fixed local names, so that a restart of the API reuses what the running emulator holds. */
    static final LocalResources.Names NAMES = new LocalResources.Names(
            "clientmgmt-local", "clientmgmt-local-documents", "clientmgmt-local-events");

    private LocalApi() {}

    /** The e-mails SES sent, newest first: {@code {items:[{to, subject, text, html, sentAt}]}} (local only, never deployed). */
    static String mailbox(String endpoint) {
        List<Mailbox.Mail> sent = new java.util.ArrayList<>(Mailbox.sent(endpoint));
        java.util.Collections.reverse(sent);
        com.fasterxml.jackson.databind.node.ObjectNode out = MAILBOX_JSON.createObjectNode();
        var items = out.putArray("items");
        for (Mailbox.Mail m : sent) {
            var item = items.addObject();
            item.putPOJO("to", m.to());
            item.put("subject", m.subject()).put("text", m.text()).put("html", m.html()).put("sentAt", m.date());
        }
        return out.toString();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAILBOX_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static void main(String[] args) throws Exception {
        String endpoint = requireEnv("AWS_ENDPOINT_URL");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        List<String> origins = Arrays.stream(System.getenv().getOrDefault("FRONTEND_ORIGINS",
                "http://localhost:5173,http://127.0.0.1:5173,http://localhost:3001").split(",")).map(String::strip).toList();

        AwsTestClients aws = AwsTestClients.forEndpoint(endpoint);
        LocalResources.create(Template.load(), NAMES, aws, origins);
        Map<String, Object> properties = new java.util.HashMap<>(TestApi.functionProperties(endpoint, NAMES));
        // the calendar feed URLs it hands out point here (in AWS: the stack's PublicApiUrl, else the API's https host)
        properties.put("calendar.public-url", "http://127.0.0.1:" + port);
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        ApiHandler function = new ApiHandler(context);
        DevTokens tokens = DevTokens.fromEnvironment();
        LocalGateway gateway;
        try {
            gateway = new LocalGateway("127.0.0.1", port, e -> function.handleRequest(e, null), tokens, origins);
        } catch (java.net.BindException e) {
            System.err.println("Port " + port + " is in use (another scripts/dev?). Stop it, or run PORT=3001 scripts/dev.");
            context.close();
            System.exit(1);
            return;
        }
        // S3 → UploadEventsFunction, locally: the bucket notifies a queue, drained into the real handler
        UploadEventsHandler uploads = new UploadEventsHandler(context);
        UploadEventPump.connect(aws, NAMES.bucket(), event -> uploads.handleRequest(event, null)).runInBackground(500);
        Template template = Template.load();
        // the reminder work queue → ReminderWorkerFunction, locally: polled as its event source mapping would (the
        // template's batch size and concurrency), batches handed to the real handler
        ReminderWorkerHandler worker = new ReminderWorkerHandler(context);
        SqsEventSource.of(template, "ReminderWorkerFunction", aws.sqs(), LocalResources.reminderWorkQueueUrl(aws, NAMES), 0,
                event -> worker.handleRequest(event, null)).runInBackground(500);
        // the bus → MailerRule → the mail queue → MailerFunction, locally: the queue polled as its event source mapping
        // would, batches handed to the real handler (the local pace is high: the emulator has no SES quota)
        MailerHandler mailer = new MailerHandler(context);
        SqsEventSource.of(template, "MailerFunction", aws.sqs(), LocalResources.mailQueueUrl(aws, NAMES), 0, event -> {
            var answer = mailer.handleRequest(event, null);
            System.out.println("[mailer] " + event.getRecords().size() + " event(s) mailed"
                    + (answer.getBatchItemFailures().isEmpty() ? "" : ", " + answer.getBatchItemFailures().size()
                    + " failed (delivered again after the queue's visibility timeout, then the failure queue)"));
            return answer;
        }).runInBackground(500);
        // and every reminder and at-risk event, shown in this log
        BusCapture bus = BusCapture.connect(aws, NAMES.bus(), "capture",
                "{\"source\":[\"clientmgmt.reminders\",\"clientmgmt.readiness\"]}");
        Thread busTail = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    bus.drain().forEach(e -> System.out.println("[event bus] " + e.get("detail-type").asText() + " " + e.get("detail")));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("event bus: " + e);
                }
            }
        }, "event-bus-tail");
        busTail.setDaemon(true);
        busTail.start();
        gateway.localRoute("/_local/mailbox", () -> mailbox(endpoint));
        ApiClient api = new ApiClient(gateway.baseUrl(), tokens);
        DemoData.loadIfMissing(api);

        StringBuilder out = new StringBuilder();
        out.append("\nClient management API: ").append(gateway.baseUrl()).append("  (emulator: ").append(endpoint).append(")\n");
        out.append("Table ").append(NAMES.table()).append(", bucket ").append(NAMES.bucket()).append(", bus ").append(NAMES.bus()).append('\n');
        out.append("CORS origins: ").append(String.join(", ", origins)).append("\n\nDemo tokens (valid 12 h; more with scripts/dev-token USER ORG [--org-admin] [--email A --name N --locale fr-CA|en]):\n");
        for (String[] user : DemoData.USERS) {
            out.append(String.format("  %-7s %-18s %s%n  export TOKEN_%s=%s%n", user[0], user[1], user[3],
                    user[0].toUpperCase(), tokens.mint(user[0], user[1], Boolean.parseBoolean(user[2]), DemoData.claims(user),
                            java.time.Duration.ofHours(12))));
        }
        out.append("\nTry: curl -s -H \"Authorization: Bearer $TOKEN_MARIE\" ").append(gateway.baseUrl()).append("/projects\n");
        out.append("Reminders: scripts/invoke ReminderFunction events/reminder-schedule.json (the tick queues work items, the\n"
                + "  workers polled here fire them; events on the bus show up below, the mailer gets them through its queue;\n"
                + "  e-mails sent: " + gateway.baseUrl() + "/_local/mailbox)\n");
        out.append("Lost upload events: scripts/invoke UploadReconcileFunction events/reconcile-schedule.json (edit its \"time\")\n");
        out.append("Ctrl-C stops the API and the emulator.\n");
        System.out.println(out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            context.close();
        }));
        Thread.currentThread().join();
    }

    static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run through scripts/dev");
        }
        return value;
    }
}
