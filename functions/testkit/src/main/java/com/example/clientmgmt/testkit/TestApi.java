package com.example.clientmgmt.testkit;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.micronaut.context.ApplicationContext;
import com.example.clientmgmt.http.ApiHandler;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * JUnit 5 extension: for one test class, fresh table/bucket/bus in the emulator (created from
 * template.yaml, so classes never see each other's data), the real Lambda handler
 * ({@link ApiHandler}) configured for them, and a {@link LocalGateway} in front of
 * it on a free port. Tests talk HTTP to {@link #client()} exactly as the frontend would.
 */
public final class TestApi implements BeforeAllCallback, AfterAllCallback {
    public static final String ORIGIN = "http://localhost:5173";
    private final List<Object> singletons = new ArrayList<>();
    private final Map<String, Object> extraProperties = new HashMap<>();
    private LocalResources.Names names;
    private AwsTestClients aws;
    private ApplicationContext context;
    private ApiHandler function;
    private LocalGateway gateway;
    private ApiClient client;
    private Function<ApplicationContext, Consumer<S3Event>> uploadHandler;
    private UploadEventPump uploads;

    /** Adds a bean (an SDK ExecutionInterceptor, a fixed Clock…) to the function's context. */
    public TestApi withSingleton(Object bean) {
        singletons.add(bean);
        return this;
    }

    /** Wires the bucket's upload events, through a queue, to the handler this builds from the function's context. */
    public TestApi withUploadEvents(Function<ApplicationContext, Consumer<S3Event>> handler) {
        this.uploadHandler = handler;
        return this;
    }

    /** Delivers the upload events S3 has sent so far (see {@link UploadEventPump}); returns how many. */
    public int deliverUploadEvents() {
        return uploads.drain();
    }

    /** Loses the upload events S3 has sent so far, as a failed delivery would; returns how many. */
    public int loseUploadEvents() {
        return uploads.lose();
    }

    public TestApi withProperty(String name, Object value) {
        extraProperties.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        String endpoint = Emulator.endpoint();
        aws = AwsTestClients.forEndpoint(endpoint);
        names = LocalResources.Names.unique("t");
        LocalResources.create(Template.load(), names, aws, List.of(ORIGIN));
        Map<String, Object> properties = new HashMap<>(functionProperties(endpoint, names));
        properties.putAll(extraProperties);
        context = ApplicationContext.builder().properties(properties).singletons(singletons.toArray()).start();
        function = new ApiHandler(context);
        if (uploadHandler != null) {
            uploads = UploadEventPump.connect(aws, names.bucket(), uploadHandler.apply(context));
        }
        DevTokens tokens = DevTokens.fromEnvironment();
        gateway = new LocalGateway("127.0.0.1", 0, event -> function.handleRequest(event, null), tokens, List.of(ORIGIN));
        client = new ApiClient(gateway.baseUrl(), tokens);
    }

    /** The configuration a deployed function gets from template.yaml's environment, pointed at the emulator. */
    public static Map<String, Object> functionProperties(String endpoint, LocalResources.Names names) {
        return Map.of(
                "table.name", names.table(),
                "bucket.name", names.bucket(),
                "event.bus.name", names.bus(),
                "reminders.work-queue.url", LocalResources.reminderWorkQueueUrl(clients(endpoint), names),
                "mail.queue.url", LocalResources.mailQueueUrl(clients(endpoint), names),
                // the emulator has no sending quota: paced far above what tests send (a test of the pace sets its own,
                // with SesThrottle standing in for SES's refusals)
                "mail.send-rate", 1000,
                "aws.endpoint.url", endpoint,
                "s3.force-path-style", true);
    }

    private static final Map<String, AwsTestClients> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static AwsTestClients clients(String endpoint) {
        return CLIENTS.computeIfAbsent(endpoint, AwsTestClients::forEndpoint);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (gateway != null) {
            gateway.close();
        }
        if (context != null) {
            context.close();
        }
    }

    public ApiClient client() {
        return client;
    }

    public ApiHandler function() {
        return function;
    }

    public AwsTestClients aws() {
        return aws;
    }

    public LocalResources.Names names() {
        return names;
    }

    public ApplicationContext context() {
        return context;
    }
}
