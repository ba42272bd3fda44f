package com.example.clientmgmt.testkit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's {@code template.yaml}, read as data. CloudFormation short forms ({@code !Ref},
 * {@code !Sub}, {@code !GetAtt}…) become {@code {"Fn::…": value}} maps, so local resources are created
 * from the very definitions that deploy to AWS, never from a second copy.
 */
public final class Template {
    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * Finds template.yaml: the system property {@code template.path} when set (scripts/lib.sh sets it for the local
     * JVMs), else in this directory or the nearest parent (tests run inside a module).
     */
    public static Template load() {
        String given = System.getProperty("template.path");
        if (given != null && !given.isBlank()) {
            return load(Path.of(given));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("template.yaml not found from " + Path.of("").toAbsolutePath());
        }
        return load(dir.resolve("template.yaml"));
    }

    @SuppressWarnings("unchecked")
    public static Template load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Template((Map<String, Object>) new Yaml(new CfnConstructor()).load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resources() {
        return (Map<String, Object>) root.get("Resources");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = (Map<String, Object>) resources().get(logicalId);
        if (resource == null) {
            throw new IllegalStateException("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).getOrDefault("Properties", Map.of());
    }

    /** The {@code Properties} of a resource definition taken from {@link #resources()}. */
    public static Map<String, Object> properties(Object resource) {
        return map(map(resource).get("Properties"));
    }

    /** The template's default for a parameter. */
    @SuppressWarnings("unchecked")
    public String parameterDefault(String name) {
        Map<String, Object> parameter = (Map<String, Object>) ((Map<String, Object>) root.get("Parameters")).get(name);
        return parameter == null || parameter.get("Default") == null ? null : parameter.get("Default").toString();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put(key, value);
                    return out;
                }
            });
        }
    }
}
