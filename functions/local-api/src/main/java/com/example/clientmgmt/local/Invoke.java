package com.example.clientmgmt.local;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.example.clientmgmt.testkit.AwsTestClients;
import com.example.clientmgmt.testkit.LocalResources;
import com.example.clientmgmt.testkit.Template;
import com.example.clientmgmt.testkit.TestApi;
import io.micronaut.context.ApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * scripts/invoke FUNCTION EVENT_FILE: runs one function of template.yaml once, as {@code sam local invoke}
 * would: its Handler class, the event deserialized the way the Lambda Java runtime does, against the
 * emulator's local table, bucket and bus (the ones scripts/dev uses). Prints the handler's result as JSON.
 */
public final class Invoke {
    private Invoke() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: scripts/invoke FUNCTION EVENT_FILE   (FUNCTION: a function's logical id in template.yaml)");
            System.exit(2);
        }
        Template template = Template.load();
        String endpoint = LocalApi.requireEnv("AWS_ENDPOINT_URL");
        LocalResources.create(template, LocalApi.NAMES, AwsTestClients.forEndpoint(endpoint), List.of());
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(TestApi.functionProperties(endpoint, LocalApi.NAMES)).start()) {
            Object result = invoke(template, args[0], Path.of(args[1]), context);
            System.out.println(write(result));
        }
    }

    /**
     * Runs template.yaml's function {@code functionId} once: its Handler class built on {@code context},
     * the event file read as the Lambda Java runtime reads it. Returns what the handler returned.
     */
    public static Object invoke(Template template, String functionId, Path eventFile, ApplicationContext context) throws Exception {
        Object resource = template.resources().get(functionId);
        if (resource == null || !"AWS::Serverless::Function".equals(Template.map(resource).get("Type"))) {
            throw new IllegalArgumentException("no function " + functionId + " in template.yaml; functions: "
                    + template.resources().entrySet().stream()
                    .filter(e -> "AWS::Serverless::Function".equals(Template.map(e.getValue()).get("Type")))
                    .map(Map.Entry::getKey).toList());
        }
        String[] handler = ((String) Template.properties(resource).get("Handler")).split("::");
        Class<?> type = Class.forName(handler[0]);
        // Micronaut handlers take the context (like the no-argument constructor the runtime calls, but on ours);
        // a plain handler (the sign-in trigger) has only the no-argument one
        Object instance;
        try {
            instance = type.getConstructor(ApplicationContext.class).newInstance(context);
        } catch (NoSuchMethodException plain) {
            instance = type.getConstructor().newInstance();
        }
        Class<?> eventType = eventType(type);
        Object event = read(eventType, eventFile);
        String name = handler.length > 1 ? handler[1] : "handleRequest";
        // generic handlers declare handleRequest(I, Context): erased, the event parameter may be Object
        Method method = java.util.Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 2 && m.getParameterTypes()[0].isAssignableFrom(eventType))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(handler[0] + " has no " + name + "(event, Context)"));
        Map<String, Object> properties = Template.properties(resource);
        int memory = properties.get("MemorySize") instanceof Number n ? n.intValue() : 1024;
        int timeout = properties.get("Timeout") instanceof Number n ? n.intValue() : 20;
        return method.invoke(instance, event, LocalContext.of(functionId, memory, timeout));
    }

    /** The event class the handler declares through {@code RequestHandler<Event, Result>}. */
    static Class<?> eventType(Class<?> handler) {
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class
                        && p.getActualTypeArguments()[0] instanceof Class<?> event) {
                    return event;
                }
            }
            // MicronautRequestHandler<Event, Result> and the like: the event is the superclass's first type argument
            if (c.getGenericSuperclass() instanceof ParameterizedType p && RequestHandler.class.isAssignableFrom((Class<?>) p.getRawType())
                    && p.getActualTypeArguments()[0] instanceof Class<?> event) {
                return event;
            }
        }
        throw new IllegalArgumentException(handler + " is not a RequestHandler");
    }

    /**
     * The serializer the Lambda Java runtime picks: a {@link CustomPojoSerializer} when the function's jar
     * provides one (Micronaut's does), otherwise Lambda's own serializer for its event classes.
     */
    private static Optional<CustomPojoSerializer> customSerializer() {
        return ServiceLoader.load(CustomPojoSerializer.class, Invoke.class.getClassLoader()).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Object read(Class<?> type, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            Optional<CustomPojoSerializer> custom = customSerializer();
            if (custom.isPresent()) {
                return custom.get().fromJson(in, type);
            }
            return ((PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, Invoke.class.getClassLoader())).fromJson(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static String write(Object result) {
        if (result == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<CustomPojoSerializer> custom = customSerializer();
        if (custom.isPresent()) {
            custom.get().toJson(result, out, result.getClass());
        } else {
            ((PojoSerializer<Object>) LambdaEventSerializers.serializerFor(result.getClass(), Invoke.class.getClassLoader())).toJson(result, out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
