package com.example.clientmgmt.bench;

import com.example.clientmgmt.http.ApiHandler;
import com.example.clientmgmt.testkit.ApiClient;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.DevTokens;
import com.example.clientmgmt.testkit.LocalGateway;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * scripts/race-admin-info: N concurrent PATCHes of one project's admin info without If-Match (each sets the
 * client company name to its own value), through the local gateway against the emulator. Prints how many
 * succeeded and were refused, and checks the history: exactly one entry per success, each one's "from" the
 * previous one's "to" (an unbroken chain). Last line:
 * {@code race: n=N ok=K conflicts=C history=H chain=unbroken|BROKEN}
 */
public final class AdminInfoRace {
    private AdminInfoRace() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        LocalResources.Names names = LocalResources.Names.unique("race");
        LocalResources.create(Template.load(), names, AwsTestClients.forEndpoint(endpoint), List.of());
        try (ApplicationContext context = ApplicationContext.builder().properties(TestApi.functionProperties(endpoint, names)).start()) {
            ApiHandler function = new ApiHandler(context);
            DevTokens tokens = DevTokens.fromEnvironment();
            try (LocalGateway gateway = new LocalGateway("127.0.0.1", 0, e -> function.handleRequest(e, null), tokens, List.of())) {
                ApiClient api = new ApiClient(gateway.baseUrl(), tokens);
                String boss = api.token("boss", "race-org", true);
                String project = api.post("/projects").token(boss).body(Map.of("name", "Course")).send().json().get("id").asText();
                String info = "/projects/" + project + "/admin-info";
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 64));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String value = "Client " + i;
                    calls.add(pool.submit(() -> {
                        go.await();
                        return api.patch(info).token(boss).body(Map.of("clientCompanyName", value)).send().status();
                    }));
                }
                long start = System.nanoTime();
                go.countDown();
                int ok = 0, conflicts = 0, other = 0;
                for (Future<Integer> call : calls) {
                    int status = call.get();
                    if (status == 200) {
                        ok++;
                    } else if (status == 409) {
                        conflicts++;
                    } else {
                        other++;
                    }
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                List<JsonNode> entries = new ArrayList<>();
                String cursor = null;
                do {
                    JsonNode page = api.get("/projects/" + project + "/admin-history?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                            .token(boss).send().json();
                    page.get("items").forEach(entries::add);
                    cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                } while (cursor != null);
                List<JsonNode> chain = entries.stream().filter(e -> e.get("field").asText().equals("clientCompanyName")).toList();
                boolean unbroken = true;
                for (int i = 0; i + 1 < chain.size(); i++) { // newest first: each one's "from" is the next (older) one's "to"
                    if (!chain.get(i).get("from").asText().equals(chain.get(i + 1).get("to").asText())) {
                        unbroken = false;
                    }
                }
                unbroken &= !chain.isEmpty() && chain.get(chain.size() - 1).get("from").isNull();
                System.out.printf("%d concurrent PATCHes without If-Match in %.2f s: %d succeeded, %d refused 409, %d other%n",
                        n, seconds, ok, conflicts, other);
                System.out.printf("race: n=%d ok=%d conflicts=%d history=%d chain=%s%n", n, ok, conflicts, chain.size(),
                        unbroken && chain.size() == ok ? "unbroken" : "BROKEN");
            }
        }
    }
}
