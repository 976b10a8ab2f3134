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
            long warmUp = warmUpReadings(options);
            EndToEnd.Throughput e2e = EndToEnd.throughput(options.database(), mqtt,
                workload("e", options.readings(), options), options.gateways(), warmUp, own == null ? 0 : own.pid(),
                options.workDir());
            EndToEnd.Cpu cpu = e2e.cpu();
            progress.accept(String.format("end-to-end after a warm-up of %,d readings: %,.0f readings/s; CPU-us per"
                + " reading: ingest %.2f, database %.2f, broker %.2f", warmUp, e2e.readingsPerSecond(), cpu.ingest(),
                cpu.database(), cpu.broker()));
            double half = e2e.readingsPerSecond() / 2;
            EndToEnd.Latency latency = EndToEnd.latency(options.database(), mqtt,
                workload("l", (long) (half * options.latencySeconds()), options), options.gateways(), half,
                warmUp, options.workDir());
            progress.accept(String.format("latency at %,.0f readings/s: p50 %.0f ms, p99 %.0f ms", half,
                latency.p50Millis(), latency.p99Millis()));
            return new BenchReport(broker, copy, store, naive, e2e, latency);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /**
     * Readings each ingest is warmed up with before a phase is measured: enough for the JIT to compile the hot
     * path and the registry to know every asset (a cold JVM measured 25 % below a warm one), at most a million.
     */
    static long warmUpReadings(BenchOptions options) {
        return Math.min(1_000_000, Math.max(options.readings() / 2, 200L * options.perMessage()));
    }

    private static Workload workload(String phase, long readings, BenchOptions options) {
        String mission = "bench" + phase + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        return Workload.create(mission, readings, options.perMessage(), options.gateways(), Instant.now());
    }
}
