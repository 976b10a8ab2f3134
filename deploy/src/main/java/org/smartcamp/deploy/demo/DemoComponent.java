package org.smartcamp.deploy.demo;

import java.util.List;

/**
 * One running part of the demo (broker, ingest, analytics job, API server, simulated camp). The demo starts its
 * components in order and stops them in reverse order, so that what feeds a component stops before it does.
 */
public interface DemoComponent {

    /** A short name for logs, e.g. {@code ingest}. */
    String name();

    /**
     * Starts the component; returns once it serves.
     *
     * @throws RuntimeException with a one-line message when it cannot start (the demo then stops what started)
     */
    void start() throws InterruptedException;

    /** Stops the component, finishing its work in flight; never throws. */
    void stop();

    /** Lines for the user once everything runs (URLs, logins); none by default. */
    default List<String> describe() {
        return List.of();
    }
}
