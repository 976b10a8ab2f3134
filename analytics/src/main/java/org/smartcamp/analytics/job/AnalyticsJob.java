package org.smartcamp.analytics.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AnalyticsPass}es continuously on one thread of its own: every {@code interval} the rollups, and the
 * analyzers when {@code analysisInterval} has passed since they last ran. A failed pass (database down, a
 * deadlock) is logged and tried again after a wait that doubles from {@code interval} up to {@code maxBackoff};
 * the watermarks only move after a pass succeeds, so nothing is skipped. {@link #stop} lets the pass in flight
 * finish.
 */
public final class AnalyticsJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);

    /** One pass: {@link AnalyticsPass#run}. */
    public interface Pass {
        /**
         * Runs a pass; with the analyzers when {@code analyze}.
         *
         * @throws RuntimeException when it fails (the job waits and tries again)
         */
        PassSummary run(boolean analyze);
    }

    private final Pass pass;
    private final AnalyticsJobConfig config;
    private final AnalyticsMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smartcamp-analytics");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean healthy = true;
    private volatile PassSummary last;
    private Instant lastAnalysis;
    private Duration backoff;

    public AnalyticsJob(Pass pass, AnalyticsJobConfig config, AnalyticsMetrics metrics, Clock clock) {
        this.pass = pass;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts passing now, then every interval, until {@link #stop}. */
    public void start() {
        executor.execute(this::tick);
    }

    /**
     * Runs one pass now, with the analyzers, on the caller's thread (for {@code smartcamp analytics --once}).
     *
     * @throws org.smartcamp.ingest.store.StoreException when the database refuses
     */
    public PassSummary runOnce() {
        return timed(true);
    }

    /** Whether the last pass succeeded (the readiness check). */
    public boolean healthy() {
        return healthy;
    }

    /** The summary of the last successful pass, or {@code null}. */
    public PassSummary lastPass() {
        return last;
    }

    /** Stops: no new pass starts; waits up to {@code timeout} for the one in flight. */
    public void stop(Duration timeout) {
        stopping.set(true);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Analytics pass still running after {}; leaving it (its watermarks have not moved)", timeout);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Analytics job stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private void tick() {
        if (stopping.get()) {
            return;
        }
        Duration wait;
        try {
            Instant now = clock.instant();
            boolean analyze = lastAnalysis == null
                || !now.isBefore(lastAnalysis.plus(config.analysisInterval()));
            PassSummary summary = timed(analyze);
            if (analyze) {
                lastAnalysis = now;
            }
            LOG.debug("Analytics pass: {}", summary);
            backoff = null;
            wait = config.interval();
        } catch (RuntimeException e) {
            backoff = backoff == null ? config.interval() : backoff.multipliedBy(2);
            backoff = backoff.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff;
            LOG.warn("Analytics pass failed; trying again in {} ms: {}", backoff.toMillis(), e.getMessage());
            wait = backoff;
        }
        try {
            executor.schedule(this::tick, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Analytics job stopping; no further pass");
        }
    }

    private PassSummary timed(boolean analyze) {
        Instant started = clock.instant();
        try {
            PassSummary summary = pass.run(analyze);
            metrics.passFinished(summary.took(), true);
            metrics.passed(summary);
            healthy = true;
            last = summary;
            return summary;
        } catch (RuntimeException e) {
            metrics.passFinished(Duration.between(started, clock.instant()), false);
            healthy = false;
            throw e;
        }
    }
}
