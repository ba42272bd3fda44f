package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.Template;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP API's CORS, as template.yaml configures API Gateway (the functions answer none of it), checked against what
 * the browser needs of the API openapi.yaml describes: the frontend's origin only, every method, every request header
 * the API reads, every response header the frontend must read (ETag for If-Match, Location, the request id for support).
 */
class CorsTemplateTest {
    static final Map<String, Object> CORS = Template.map(Template.load(ContractTest.ROOT.resolve("template.yaml"))
            .properties("HttpApi").get("CorsConfiguration"));

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> paths() throws IOException {
        try (Reader reader = Files.newBufferedReader(ContractTest.ROOT.resolve("openapi.yaml"))) {
            return (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(reader)).get("paths");
        }
    }

    static Set<String> lower(Object list) {
        Set<String> out = new TreeSet<>();
        Template.list(list).forEach(v -> out.add(String.valueOf(v).toLowerCase(Locale.ROOT)));
        return out;
    }

    @Test
    void onlyTheFrontendsOriginIsAllowed() {
        assertEquals(List.of(Map.of("Ref", "FrontendOrigin")), Template.list(CORS.get("AllowOrigins")));
        assertTrue(CORS.get("AllowCredentials") == null || Boolean.FALSE.equals(CORS.get("AllowCredentials")),
                "bearer tokens, no cookies: no credentials mode");
    }

    @Test
    void everyMethodOfTheApiIsAllowed() throws IOException {
        Set<String> used = new TreeSet<>();
        paths().values().forEach(item -> item.keySet().stream().filter(k -> !k.equals("parameters"))
                .forEach(m -> used.add(m.toUpperCase(Locale.ROOT))));
        assertTrue(used.size() >= 4, used::toString);
        Set<String> allowed = new TreeSet<>(Template.list(CORS.get("AllowMethods")).stream().map(String::valueOf).toList());
        assertTrue(allowed.containsAll(used), () -> "used " + used + ", allowed " + allowed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestHeaderTheApiReadsIsAllowedAndEveryResponseHeaderItSetsIsExposed() throws IOException {
        Set<String> reads = new TreeSet<>(Set.of("authorization", "content-type", "accept-language"));
        Set<String> sets = new TreeSet<>(Set.of("content-language", "apigw-requestid"));
        for (Map<String, Object> item : paths().values()) {
            for (Object operation : item.values()) {
                if (!(operation instanceof Map<?, ?> op)) {
                    continue;
                }
                Object parameters = op.get("parameters");
                if (parameters instanceof List<?> list) {
                    list.stream().filter(p -> p instanceof Map<?, ?> m && "header".equals(m.get("in")))
                            .forEach(p -> reads.add(String.valueOf(((Map<String, Object>) p).get("name")).toLowerCase(Locale.ROOT)));
                }
                if (op.get("responses") instanceof Map<?, ?> responses) {
                    responses.values().stream().filter(r -> r instanceof Map<?, ?> m && m.get("headers") instanceof Map<?, ?>)
                            .forEach(r -> ((Map<String, Object>) ((Map<String, Object>) r).get("headers")).keySet()
                                    .forEach(h -> sets.add(h.toLowerCase(Locale.ROOT))));
                }
            }
        }
        assertTrue(reads.contains("if-match") && sets.contains("etag") && sets.contains("location"),
                () -> "openapi.yaml was read: " + reads + " " + sets);
        assertTrue(lower(CORS.get("AllowHeaders")).containsAll(reads), () -> "reads " + reads + ", allowed " + CORS.get("AllowHeaders"));
        assertTrue(lower(CORS.get("ExposeHeaders")).containsAll(sets), () -> "sets " + sets + ", exposed " + CORS.get("ExposeHeaders"));
    }
}
