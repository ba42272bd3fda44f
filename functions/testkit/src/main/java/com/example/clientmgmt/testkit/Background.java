package com.example.clientmgmt.testkit;

/** scripts/dev's pollers: a daemon thread running {@code work} every {@code millis} until interrupted, a failure logged, not fatal. */
final class Background {
    private Background() {}

    static Thread every(String name, long millis, Runnable work) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    work.run();
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println(name + ": " + e);
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
