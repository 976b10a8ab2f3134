package org.smartcamp.deploy.bench;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Runs every phase of the bench in one process on one machine, with the same message mix, so the figures can
 * be compared: the two ceilings, the naive baseline, the store path, end-to-end throughput and memory, and the
 * latency at half of the end-to-end rate.
 */
public final class BenchRunner {
    private final Consumer<String> progress;

    public BenchRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Runs the bench.
     *
     * @throws Exception when a phase fails (a row count that does not match what was published fails the run)
     */
    public BenchReport run(BenchOptions options) throws Exception {
        LocalBroker own = options.mqttUrl() == null ? LocalBroker.start(options.workDir()) : null;
        try {
            String mqtt = own == null ? options.mqttUrl() : own.url();
            progress.accept("broker " + mqtt + (own == null ? "" : " (own Mosquitto, unlimited queue)"));
            double broker = Ceilings.broker(mqtt, workload("b", options.readings(), options), options.gateways());
            progress.accept(String.format("broker-only ceiling: %,.0f readings/s", broker));
            double copy = Ceilings.copy(options.database(), workload("c", options.readings(), options));
            progress.accept(String.format("database-only ceiling: %,.0f readings/s", copy));
            double store = Ceilings.storePath(options.database(), workload("s", options.readings(), options));
            progress.accept(String.format("store path: %,.0f readings/s", store));
            double naive = Ceilings.naive(options.database(), workload("n", options.naiveReadings(), options),
                options.naiveReadings());
            progress.accept(String.format("naive baseline: %,.0f readings/s", naive));
            EndToEnd.Throughput e2e = EndToEnd.throughput(options.database(), mqtt,
                workload("e", options.readings(), options), options.gateways(), options.workDir());
            progress.accept(String.format("end-to-end: %,.0f readings/s", e2e.readingsPerSecond()));
            double half = e2e.readingsPerSecond() / 2;
            EndToEnd.Latency latency = EndToEnd.latency(options.database(), mqtt,
                workload("l", (long) (half * options.latencySeconds()), options), options.gateways(), half,
                options.workDir());
            progress.accept(String.format("latency at %,.0f readings/s: p50 %.0f ms, p99 %.0f ms", half,
                latency.p50Millis(), latency.p99Millis()));
            return new BenchReport(broker, copy, store, naive, e2e, latency);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private static Workload workload(String phase, long readings, BenchOptions options) {
        String mission = "bench" + phase + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        return Workload.create(mission, readings, options.perMessage(), options.gateways(), Instant.now());
    }
}
