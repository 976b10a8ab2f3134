package org.smartcamp.deploy.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the fault suite's test classes share: the profile, the suite's own PostgreSQL and Mosquitto for the
 * class (skipped when they are not installed), and waiting for rows.
 */
abstract class FaultSuite {
    static final FaultProfile PROFILE = FaultProfile.current();
    static final Duration SETTLE = Duration.ofMinutes(5);
    static FaultEnvironment env;

    @BeforeAll
    static void startServices() throws Exception {
        env = FaultEnvironment.start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (env != null) {
            env.close();
            env = null;
        }
    }

    /** Waits until at least {@code rows} readings are stored in the case's database; returns how many are. */
    static long awaitRows(FaultCase c, long rows) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> c.store.rows() >= rows);
        return c.store.rows();
    }
}
