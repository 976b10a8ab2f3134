package org.smartcamp.deploy.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.smartcamp.deploy.bench.IngestChild;

/**
 * Asks the live ingest's {@code /health/ready} every 250 ms while a test says what state the system is in, so
 * that readiness can be held against the truth afterwards: UP when everything runs, DOWN when it is stuck.
 */
final class ReadinessProbe implements AutoCloseable {
    /** What the test has done to the system. */
    enum Phase {
        /** Ingest, broker and database all running. */
        RUNNING,
        /** The ingest was killed and its successor is not ready yet. */
        INGEST_KILLED,
        /** The broker is restarting. */
        BROKER_DOWN,
        /** PostgreSQL is stopped. */
        DATABASE_DOWN
    }

    /** One answer: the phase, how long the phase had lasted, and whether readiness was UP. */
    record Sample(double seconds, Phase phase, double phaseAge, boolean up) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile IngestChild ingest;
    private volatile Phase phase = Phase.RUNNING;
    private volatile long phaseSince = System.nanoTime();
    private volatile boolean running = true;

    ReadinessProbe(IngestChild first) {
        this.ingest = first;
        this.thread = new Thread(this::loop, "readiness-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records that the system entered {@code next} now. */
    void phase(Phase next) {
        phaseSince = System.nanoTime();
        phase = next;
    }

    /** The ingest to ask from now on (after a restart). */
    void ingest(IngestChild next) {
        ingest = next;
    }

    private void loop() {
        while (running) {
            Phase p = phase;
            long since = phaseSince;
            boolean up = ingest.isReady();
            long now = System.nanoTime();
            // a phase change while asking makes the answer ambiguous: leave it out
            if (p == phase && since == phaseSince) {
                samples.add(new Sample((now - start) / 1e9, p, (now - since) / 1e9, up));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Samples in {@code phase} taken at least {@code after} into it. */
    List<Sample> settled(Phase of, Duration after) {
        return select(s -> s.phase() == of && s.phaseAge() >= after.toNanos() / 1e9);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private List<Sample> select(Predicate<Sample> which) {
        return samples.stream().filter(which).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
