package com.example.clientmgmt.platform;

/**
 * One warm-up a function makes before SnapStart takes its snapshot: a synthetic request or event through
 * the function's own handler, so that the restored function's first real request finds the framework,
 * the serde, the SDK and its connections already initialized. A primer only reads (tested), and answers
 * what it did in one line for the log.
 */
public interface Primer {
    String prime() throws Exception;

    /**
     * False when this runs in a Lambda function whose handler (Lambda's {@code _HANDLER}) is not {@code handler}: a
     * module that holds several functions' handlers primes each function through its own handler only, with the reads
     * its own role allows. True in process, where no handler is named.
     */
    static boolean forThisFunction(Class<?> handler) {
        String configured = System.getenv("_HANDLER");
        return configured == null || configured.isBlank() || configured.split("::")[0].equals(handler.getName());
    }
}
