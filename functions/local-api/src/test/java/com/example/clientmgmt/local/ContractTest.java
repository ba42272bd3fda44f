package com.example.clientmgmt.local;

import com.example.clientmgmt.testkit.DevTokens;
import com.example.clientmgmt.testkit.Template;
import io.micronaut.context.ApplicationContext;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The three descriptions of the API agree: the controllers' routes, openapi.yaml's paths, and the HTTP
 * API events of each function in template.yaml (a route served by a function's controllers must be
 * routed to that function in AWS). And scripts/dev-token mints what the local gateway accepts.
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class ContractTest {
    static final Path ROOT = root();

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** "GET /projects/{projectId}" for every controller route, with the function that serves it. */
    static Map<String, String> controllerRoutes() {
        Map<String, String> routes = new java.util.TreeMap<>();
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("table.name", "unused")).start()) {
            // Micronaut answers HEAD for every GET by itself; API Gateway routes carry GET only
            context.getBean(Router.class).uriRoutes().filter(route -> !route.getHttpMethodName().equals("HEAD")).forEach(route -> {
                String pkg = route.getTargetMethod().getDeclaringType().getPackageName();
                String module = pkg.substring(pkg.lastIndexOf('.') + 1);
                String function = Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Function";
                // a variable's shape ({id:regex}) is the function's own narrowing; the contract names the variable
                String path = route.getUriMatchTemplate().toPathString().replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                routes.put(route.getHttpMethodName() + " " + path, function);
            });
        }
        return routes;
    }

    @Test
    void everyControllerRouteIsInOpenApiAndNothingElseIs() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("openapi.yaml"))) {
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(reader)).get("paths");
            paths.forEach((path, operations) -> operations.keySet().stream()
                    .filter(k -> Set.of("get", "post", "put", "patch", "delete").contains(k))
                    .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        }
        assertEquals(new TreeSet<>(controllerRoutes().keySet()), documented);
    }

    @Test
    void eachRouteGoesToTheFunctionThatServesIt() {
        Map<String, String> routed = new java.util.TreeMap<>();
        Template.load(ROOT.resolve("template.yaml")).resources().forEach((id, resource) -> {
            Map<String, Object> events = Template.map(Template.properties(resource).get("Events"));
            events.values().stream().map(Template::map).filter(e -> "HttpApi".equals(e.get("Type"))).forEach(e -> {
                Map<String, Object> p = Template.map(e.get("Properties"));
                routed.put(p.get("Method") + " " + p.get("Path"), id);
            });
        });
        assertEquals(controllerRoutes(), routed);
    }

    /** The routes without an authorizer in template.yaml are exactly those the local gateway lets through without a token. */
    @Test
    void theRoutesWithoutAnAuthorizerAreTheLocalGatewaysOpenRoutes() {
        Set<String> open = new TreeSet<>();
        Template.load(ROOT.resolve("template.yaml")).resources().forEach((id, resource) -> {
            Map<String, Object> events = Template.map(Template.properties(resource).get("Events"));
            events.values().stream().map(Template::map).filter(e -> "HttpApi".equals(e.get("Type"))).forEach(e -> {
                Map<String, Object> p = Template.map(e.get("Properties"));
                Map<String, Object> auth = Template.map(p.get("Auth"));
                if ("NONE".equals(auth.get("Authorizer"))) {
                    open.add(p.get("Method") + " " + p.get("Path"));
                }
            });
        });
        assertEquals(new TreeSet<>(com.example.clientmgmt.testkit.LocalGateway.OPEN_ROUTES.keySet()), open);
    }

    @Test
    void devTokenScriptMintsTokensTheLocalGatewayAccepts() throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("scripts/dev-token").toString(), "marie", "demo-construction", "--org-admin")
                .redirectErrorStream(true).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor());
        Map<String, String> claims = DevTokens.fromEnvironment().verify(token);
        assertNotNull(claims, token);
        assertEquals("marie", claims.get("sub"));
        assertEquals("demo-construction", claims.get("org"));
        assertEquals("true", claims.get("org_admin"));
    }
}
