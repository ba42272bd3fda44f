package com.example.clientmgmt.platform;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The SnapStart hooks: before Lambda takes the snapshot of an initialized function it calls
 * {@code beforeCheckpoint} (registered through org.crac's global context), which runs every {@link Primer}
 * of the function. A primer that fails is logged ("SnapStart priming failed", which the Lambda-fidelity
 * harness looks for) and never fails the snapshot: an unprimed function is slower, not broken.
 */
@Context
public class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private final BeanProvider<Primer> primers;

    /** The primers are created when the hooks run, not at start: a function started without SnapStart never pays for them. */
    public SnapStartPriming(BeanProvider<Primer> primers) {
        this.primers = primers;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // the SDK re-establishes connections made before the snapshot on first use
    }

    /** Runs every primer (recording no metrics); returns how many succeeded. */
    public int prime() {
        List<String> done = new ArrayList<>();
        Metrics.muted(() -> primeAll(done));
        LOG.info("SnapStart priming: {}", done);
        return done.size();
    }

    private void primeAll(List<String> done) {
        for (Primer primer : primers.stream().toList()) {
            long started = System.nanoTime();
            try {
                done.add(primer.prime() + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
            } catch (Exception | LinkageError e) {
                LOG.warn("SnapStart priming failed: {}: {}", primer.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
