package com.example.clientmgmt.bench;

import com.example.clientmgmt.domain.AdminDocument;
import com.example.clientmgmt.http.ApiHandler;
import com.example.clientmgmt.storage.documents.DocumentStore;
import com.example.clientmgmt.storage.documents.UploadSettlements;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.DevTokens;
import com.example.clientmgmt.testkit.LocalGateway;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The round-trip half of scripts/bench-coldstart: provisions a bench table from template.yaml, sends
 * each route once through the local gateway and the real handler, and counts the DynamoDB requests each
 * one made (an SDK ExecutionInterceptor sees every HTTP attempt). Writes the bench project's coordinates
 * to the file given as argument for the cold-start probes.
 */
public final class RoundTrips {
    /** Counts the DynamoDB requests the SDK sends (retries included), and the time each AWS operation spends on the wire. */
    public static final class Counter implements ExecutionInterceptor {
        final AtomicInteger count = new AtomicInteger();
        final Map<String, long[]> timeByOperation = new java.util.concurrent.ConcurrentHashMap<>();
        private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Long> STARTED =
                new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("bench-started");

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if ("DynamoDb".equals(attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.SERVICE_NAME))) {
                count.incrementAndGet();
            }
            attributes.putAttribute(STARTED, System.nanoTime());
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
            long[] t = timeByOperation.computeIfAbsent(operation, k -> new long[2]);
            synchronized (t) {
                t[0]++;
                t[1] += System.nanoTime() - attributes.getAttribute(STARTED);
            }
        }

        /** How many calls of one AWS operation were sent (PutEvents, Query…). */
        public long calls(String operation) {
            long[] t = timeByOperation.get(operation);
            return t == null ? 0 : t[0];
        }

        /** "Operation: calls, mean ms" lines. */
        public String timings() {
            StringBuilder out = new StringBuilder();
            timeByOperation.forEach((op, t) -> out.append(String.format("  %-20s %6d calls, %7.2f ms mean%n", op, t[0], t[1] / 1e6 / t[0])));
            return out.toString();
        }
    }

    private RoundTrips() {}

    public static void main(String[] args) throws Exception {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        LocalResources.Names names = LocalResources.Names.unique("bench");
        LocalResources.create(Template.load(), names, AwsTestClients.forEndpoint(endpoint), List.of());
        Counter counter = new Counter();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(TestApi.functionProperties(endpoint, names)).singletons(counter).start()) {
            ApiHandler function = new ApiHandler(context);
            LocalGateway gateway = new LocalGateway("127.0.0.1", 0, e -> function.handleRequest(e, null),
                    DevTokens.fromEnvironment(), List.of());
            ApiClient api = new ApiClient(gateway.baseUrl(), DevTokens.fromEnvironment());
            String org = "bench-org";
            String boss = api.token("boss", org, true);
            Map<String, Integer> trips = new LinkedHashMap<>();
            String project = measure(trips, counter, "POST /projects", () -> api.post("/projects").token(boss)
                    .body(Map.of("name", "Bench")).send()).json().get("id").asText();
            String base = "/projects/" + project;
            measure(trips, counter, "PUT /projects/{id}/members/{userId}", () -> api.put(base + "/members/lea").token(boss)
                    .body(Map.of("permission", "LIMITED")).send());
            measure(trips, counter, "PATCH /projects/{id}/admin-info", () -> api.patch(base + "/admin-info").token(boss)
                    .body(Map.of("clientCompanyName", "Ville de Laval", "estimatedBudget", Map.of("amount", "100.00"))).send());
            measure(trips, counter, "GET /projects", () -> api.get("/projects").token(boss).send());
            measure(trips, counter, "GET /projects/{id}", () -> api.get(base).token(boss).send());
            measure(trips, counter, "GET /projects/{id}/admin-info", () -> api.get(base + "/admin-info").token(boss).send());
            measure(trips, counter, "GET /projects/{id}/admin-history", () -> api.get(base + "/admin-history").token(boss).send());
            measure(trips, counter, "GET /projects/{id}/members", () -> api.get(base + "/members").token(boss).send());
            String person = measure(trips, counter, "POST /directory/people", () -> api.post("/directory/people").token(boss)
                    .body(Map.of("name", "Élise Tremblay", "company", "Ville de Laval")).send()).json().get("id").asText();
            measure(trips, counter, "PUT /directory/people/{id}/licence", () -> api.put("/directory/people/" + person + "/licence")
                    .token(boss).body(Map.of("licence", "FREE")).send());
            measure(trips, counter, "GET /directory/people?query=", () -> api.get("/directory/people?query=elise").token(boss).send());
            measure(trips, counter, "GET /directory/people", () -> api.get("/directory/people").token(boss).send());
            measure(trips, counter, "PUT /projects/{id}/client-contacts/{role}", () -> api.put(base + "/client-contacts/billing")
                    .token(boss).body(Map.of("personId", person)).send());
            api.put(base + "/client-contacts/submission").token(boss).body(Map.of("personId", person)).send();
            measure(trips, counter, "GET /projects/{id}/client-contacts", () -> api.get(base + "/client-contacts").token(boss).send());
            measure(trips, counter, "DELETE /projects/{id}/client-contacts/{role}", () -> api.delete(base + "/client-contacts/billing")
                    .token(boss).send());
            String document = measure(trips, counter, "POST /projects/{id}/admin-documents", () -> api.post(base + "/admin-documents")
                    .token(boss).body(Map.of("title", "Contrat", "kind", "INSURANCE", "expiresOn", "2026-12-15", "fileName", "contrat.pdf",
                            "contentType", "application/pdf", "sizeBytes", 10, "reminderDate", "2027-01-15")).send())
                    .json().get("document").get("id").asText();
            measure(trips, counter, "GET /projects/{id}/admin-documents", () -> api.get(base + "/admin-documents").token(boss).send());
            measure(trips, counter, "GET /projects/{id}/admin-documents/{docId}", () -> api.get(base + "/admin-documents/" + document)
                    .token(boss).send());
            String version = measure(trips, counter, "POST /projects/{id}/admin-documents/{docId}/versions", () -> api.post(base
                    + "/admin-documents/" + document + "/versions").token(boss).body(Map.of("fileName", "contrat 2027.pdf",
                    "contentType", "application/pdf", "sizeBytes", 10)).send()).json().get("version").get("id").asText();
            measure(trips, counter, "GET /projects/{id}/admin-documents/{docId}/versions", () -> api.get(base + "/admin-documents/"
                    + document + "/versions").token(boss).send());
            DocumentStore documents = context.getBean(DocumentStore.class); // the upload check, without S3
            AdminDocument declared = documents.find(org, project, document).orElseThrow();
            context.getBean(UploadSettlements.class).markAvailable(declared, version, 10, "etag", null, Instant.now());
            measure(trips, counter, "GET …/{docId}/versions/{versionId}/download", () -> api.get(base + "/admin-documents/"
                    + document + "/versions/" + version + "/download").token(boss).send());
            measure(trips, counter, "GET /admin-documents/expiring (org admin)", () -> api.get("/admin-documents/expiring")
                    .token(boss).send());
            measure(trips, counter, "GET /admin-documents/expiring (member)", () -> api.get("/admin-documents/expiring")
                    .token(api.token("lea", org, false)).send());
            measure(trips, counter, "PATCH /projects/{id}/admin-documents/{docId}", () -> api.patch(base + "/admin-documents/" + document)
                    .token(boss).body(Map.of("reminderDate", "2027-02-01")).send());
            measure(trips, counter, "DELETE /projects/{id}/admin-documents/{docId}", () -> api.delete(base + "/admin-documents/" + document)
                    .token(boss).send());
            measure(trips, counter, "GET /notifications", () -> api.get("/notifications").token(boss).send());
            measure(trips, counter, "PUT /organization/requirement-templates", () -> api.put("/organization/requirement-templates")
                    .token(boss).body(Map.of("items", List.of(Map.of("name", "Public", "requirements",
                            List.of(Map.of("kind", "BID_BOND", "neededBy", "SUBMISSION")))))).send());
            String template = api.get("/organization/requirement-templates").token(boss).send().json().get("items").get(0)
                    .get("id").asText();
            measure(trips, counter, "PUT /projects/{id}/requirements", () -> api.put(base + "/requirements").token(boss)
                    .body(Map.of("items", List.of(Map.of("kind", "RBQ_LICENCE", "neededBy", "END")))).send());
            measure(trips, counter, "POST /projects/{id}/requirements/apply", () -> api.post(base + "/requirements/apply").token(boss)
                    .body(Map.of("templateId", template)).send());
            measure(trips, counter, "GET /projects/{id}/requirements", () -> api.get(base + "/requirements").token(boss).send());
            measure(trips, counter, "GET /projects/{id}/readiness", () -> api.get(base + "/readiness").token(boss).send());
            measure(trips, counter, "GET /readiness (org admin)", () -> api.get("/readiness").token(boss).send());
            measure(trips, counter, "GET /readiness (member)", () -> api.get("/readiness").token(api.token("lea", org, false)).send());
            String feed = measure(trips, counter, "POST /me/calendar", () -> api.post("/me/calendar").token(boss).send())
                    .json().get("url").asText();
            measure(trips, counter, "GET /calendar/{secret}.ics (1 project)", () -> api.get(java.net.URI.create(feed).getRawPath())
                    .header("Accept", "text/calendar").send());
            System.out.println("DynamoDB round trips per request (the document DELETE also removes its S3 object, not counted):");
            trips.forEach((route, n) -> System.out.printf("  %-54s %d%n", route, n));
            int max = trips.values().stream().max(Integer::compare).orElse(0);
            Files.writeString(Path.of(args[0]), String.join(" ", names.table(), project, "boss", org, Integer.toString(max)));
            gateway.close();
        }
    }

    private static ApiClient.Response measure(Map<String, Integer> trips, Counter counter, String route,
                                              Supplier<ApiClient.Response> call) {
        counter.count.set(0);
        ApiClient.Response response = call.get();
        if (response.status() >= 300) {
            throw new IllegalStateException(route + " answered " + response);
        }
        trips.put(route, counter.count.get());
        return response;
    }
}
