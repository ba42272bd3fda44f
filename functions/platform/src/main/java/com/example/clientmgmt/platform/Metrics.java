package com.example.clientmgmt.platform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The functions' own metrics, in CloudWatch embedded metric format (aws-embedded-metrics: a JSON line on
 * stdout that CloudWatch Logs turns into metrics), in namespace {@code metrics.namespace}, each with the
 * dimension {@code Function} and, where it says more, one more (e.g. {@code Code} of a problem response).
 * The alarms of template.yaml watch these names. Nothing is recorded while SnapStart primes the function.
 */
@Singleton
public class Metrics {
    public static final String FUNCTION = "Function";
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final AtomicBoolean MUTED = new AtomicBoolean();
    private final String namespace;
    private final String function;

    public Metrics(@Value("${metrics.namespace}") String namespace) {
        this.namespace = namespace;
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        this.function = name == null || name.isBlank() ? "local" : name;
    }

    /** Records counts (or other values) of one moment, with the function's dimension and {@code extra} ones. */
    public void record(Map<String, Double> values, Unit unit, Map<String, String> extra) {
        if (MUTED.get() || values.isEmpty()) {
            return;
        }
        try {
            MetricsLogger metrics = new MetricsLogger(new LambdaEnvironment());
            metrics.setNamespace(namespace);
            DimensionSet dimensions = DimensionSet.of(FUNCTION, function);
            for (Map.Entry<String, String> e : extra.entrySet()) {
                dimensions.addDimension(e.getKey(), e.getValue());
            }
            metrics.setDimensions(dimensions);
            values.forEach((name, value) -> metrics.putMetric(name, value, unit));
            metrics.flush();
        } catch (Exception e) {
            LOG.warn("metrics not recorded: {}", e.toString()); // a metric never fails the request it describes
        }
    }

    public void count(String name, double value) {
        record(Map.of(name, value), Unit.COUNT, Map.of());
    }

    /** Runs {@code work} without recording metrics (SnapStart priming: synthetic requests are not traffic). */
    static void muted(Runnable work) {
        MUTED.set(true);
        try {
            work.run();
        } finally {
            MUTED.set(false);
        }
    }
}
