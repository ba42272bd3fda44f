package com.example.clientmgmt.platform;

/**
 * One warm-up a function makes before SnapStart takes its snapshot: a synthetic request or event through
 * the function's own handler, so that the restored function's first real request finds the framework,
 * the serde, the SDK and its connections already initialized. A primer only reads (tested), and answers
 * what it did in one line for the log.
 */
public interface Primer {
    String prime() throws Exception;
}
