package com.example.clientmgmt.local;

import com.example.clientmgmt.platform.Primer;
import com.example.clientmgmt.platform.SnapStartPriming;
import com.example.clientmgmt.testkit.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart priming against the emulator, with every function's primers in one context: each primer
 * succeeds, and all of them together send only reads (every AWS operation is recorded).
 */
@Tag("integration") // needs the emulator or a process outside the JVM: not in scripts/test-fast
class PrimingTest {
    static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();
    static final Set<String> READS = Set.of("GetItem", "Query", "BatchGetItem", "HeadObject");

    @RegisterExtension
    static TestApi api = new TestApi().withSingleton(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            OPERATIONS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    });

    @Test
    void everyPrimerSucceedsAndOnlyReads() {
        SnapStartPriming priming = api.context().getBean(SnapStartPriming.class);
        int primers = api.context().getBeansOfType(Primer.class).size();
        assertEquals(7, primers, "HTTP, codecs, presign, upload event, reminder tick, reminder worker, mailer");
        OPERATIONS.clear();
        assertEquals(primers, priming.prime());
        Set<String> sent = new TreeSet<>(OPERATIONS);
        assertTrue(READS.containsAll(sent), "priming sent " + sent);
        assertTrue(sent.containsAll(Set.of("GetItem", "Query", "HeadObject", "BatchGetItem")),
                "priming reached the table and the bucket: " + sent);
    }
}
