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

    /**
     * What publishing a case's messages flat out to an ingest showed.
     *
     * @param readings valid readings published, all stored
     * @param messages messages published, hostile ones included
     * @param seconds  from the first publish until every reading was stored and every hostile message
     *                 dead-lettered
     */
    record Sustainable(long readings, long messages, double seconds) {
        /** The sustainable rate in valid readings per second. */
        double readingsPerSecond() {
            return readings / seconds;
        }

        /** The sustainable rate in messages per second, hostile ones included. */
        double messagesPerSecond() {
            return messages / seconds;
        }
    }

    /**
     * Measures the sustainable rate of the ingest already running on {@code c}: publishes all of the case's
     * messages flat out and times until every reading is stored and {@code deadLetters} dead letters are written.
     */
    static Sustainable sustainable(FaultCase c, long deadLetters) throws InterruptedException {
        long start = System.nanoTime();
        c.feed(0).start().await(SETTLE);
        awaitRows(c, c.ledger.readings());
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> c.store.deadLetters() >= deadLetters);
        return new Sustainable(c.ledger.readings(), c.ledger.messages(), (System.nanoTime() - start) / 1e9);
    }

    /** Waits until at least {@code rows} readings are stored in the case's database; returns how many are. */
    static long awaitRows(FaultCase c, long rows) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> c.store.rows() >= rows);
        return c.store.rows();
    }
}
