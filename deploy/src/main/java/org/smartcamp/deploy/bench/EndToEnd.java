package org.smartcamp.deploy.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.smartcamp.ingest.mqtt.WindowedPublisher;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/** Gateways -> broker -> ingest (a child JVM) -> committed rows: throughput, memory, and latency at half load. */
final class EndToEnd {
    /** Throughput, CPU per reading and memory of one full-speed run, measured after a warm-up. */
    record Throughput(double readingsPerSecond, Cpu cpu, double peakHeapBytes, double peakRssBytes) {
    }

    /**
     * Microseconds of CPU per reading (user + system) that each process spent over the measured run: the ingest
     * JVM, its database backends (the background writers, shared with everything else, are not counted), and the
     * broker when the bench started its own; NaN where a process could not be read.
     */
    record Cpu(double ingest, double database, double broker) {
        /** The sum of what could be read. */
        double total() {
            return (Double.isNaN(ingest) ? 0 : ingest) + (Double.isNaN(database) ? 0 : database)
                + (Double.isNaN(broker) ? 0 : broker);
        }
    }

    /** Publish-to-queryable latency percentiles, in milliseconds, and the rate they were measured at. */
    record Latency(double ratePerSecond, int samples, double p50Millis, double p99Millis, double maxMillis) {
    }

    private EndToEnd() {
    }

    /**
     * Warms the ingest up with {@code warmUp} readings of the same shape (event times two days earlier, so none
     * repeats a measured one), then publishes the workload as fast as the broker takes it and measures until every
     * reading is committed.
     *
     * @param brokerPid the broker's process id, or 0 when it is not the bench's own
     */
    static Throughput throughput(DatabaseConfig db, String mqttUrl, Workload workload, int gateways, long warmUp,
                                 long brokerPid, Path workDir) throws Exception {
        try (BenchSchema schema = new BenchSchema(db, "e2e");
             IngestChild ingest = IngestChild.start(schema.config(), mqttUrl, workload.mission(), workDir)) {
            long warm = warmUp(ingest, mqttUrl, workload, gateways, warmUp);
            List<Long> backends = backends(schema, db);
            ProcessCpu.Meter ingestCpu = new ProcessCpu.Meter();
            ProcessCpu.Meter databaseCpu = new ProcessCpu.Meter();
            ProcessCpu.Meter brokerCpu = new ProcessCpu.Meter();
            ingestCpu.start(List.of(ingest.pid()));
            databaseCpu.start(backends);
            brokerCpu.start(List.of(brokerPid));
            long start = System.nanoTime();
            Publishing.publish(mqttUrl, "bench-e2e", workload, gateways, 0, (m, g) -> { });
            awaitStored(ingest, warm + workload.readings());
            double rate = workload.readings() / ((System.nanoTime() - start) / 1e9);
            double n = workload.readings();
            Cpu cpu = new Cpu(ingestCpu.since(List.of(ingest.pid())) / n, databaseCpu.since(backends(schema, db)) / n,
                brokerCpu.since(List.of(brokerPid)) / n);
            long rows = schema.count("SELECT count(*) FROM readings");
            if (rows != warm + workload.readings()) {
                throw new IllegalStateException("expected " + (warm + workload.readings()) + " rows (" + warm
                    + " of the warm-up), found " + rows);
            }
            return new Throughput(rate, cpu, ingest.peakHeapBytes(), ingest.peakRssBytes());
        }
    }

    /**
     * Publishes {@code readings} readings of the workload's shape two days earlier and waits until they are
     * committed, so that what is measured next runs compiled code with the registry's caches filled.
     *
     * @return the readings committed by the warm-up
     */
    static long warmUp(IngestChild ingest, String mqttUrl, Workload workload, int gateways, long readings)
            throws Exception {
        if (readings <= 0) {
            return 0;
        }
        Workload warm = Workload.create(workload.mission(), readings, workload.messages().get(0).readings(),
            gateways, Instant.now().minus(2, ChronoUnit.DAYS));
        Publishing.publish(mqttUrl, "bench-warm", warm, gateways, 0, (m, g) -> { });
        awaitStored(ingest, readings);
        return readings;
    }

    /**
     * Waits until the ingest has committed {@code target} readings. Each look is a scrape of its metrics, whose CPU
     * counts as the ingest's, so it looks seldom: after half the time the rest should take at the rate seen so far
     * (20 ms to 1 s).
     */
    static void awaitStored(IngestChild ingest, double target) throws IOException, InterruptedException {
        long start = System.nanoTime();
        double first = ingest.stored();
        double stored = first;
        while (stored < target) {
            double rate = (stored - first) / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            long wait = rate <= 0 ? 100 : (long) Math.max(20, Math.min(1000, (target - stored) / rate * 500));
            TimeUnit.MILLISECONDS.sleep(wait);
            stored = ingest.stored();
        }
    }

    /** The process ids of the ingest's database backends, when the database runs on this machine; else none. */
    private static List<Long> backends(BenchSchema schema, DatabaseConfig db) throws SQLException {
        if (!db.url().matches("jdbc:postgresql://(localhost|127\\.0\\.0\\.1|\\[::1])[:/].*")) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        try (Connection c = schema.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT pid FROM pg_stat_activity"
                 + " WHERE datname = current_database() AND application_name = 'smartcamp-ingest'");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }

    /**
     * Publishes the workload paced at {@code rate} readings per second, plus a probe gateway sending one reading
     * every 50 ms; measures how long each probe reading takes from publish to being visible in the database.
     */
    static Latency latency(DatabaseConfig db, String mqttUrl, Workload workload, int gateways, double rate,
                           long warmUp, Path workDir) throws Exception {
        try (BenchSchema schema = new BenchSchema(db, "latency");
             IngestChild ingest = IngestChild.start(schema.config(), mqttUrl, workload.mission(), workDir)) {
            long warm = warmUp(ingest, mqttUrl, workload, gateways, warmUp);
            double perGateway = rate / workload.messages().get(0).readings() / gateways;
            Probe probe = new Probe(schema, mqttUrl, workload.mission());
            Thread prober = new Thread(probe, "bench-probe");
            prober.start();
            Publishing.publish(mqttUrl, "bench-latency", workload, gateways, perGateway, (m, g) -> { });
            probe.stop();
            prober.join();
            while (ingest.stored() < warm + workload.readings() + probe.sent()) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return probe.result(rate);
        }
    }

    /** A gateway sending one probe reading every 50 ms and a poller watching for it in the database. */
    private static final class Probe implements Runnable {
        private final BenchSchema schema;
        private final String mqttUrl;
        private final String mission;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        private final List<Long> published = new ArrayList<>();
        private final List<Double> latencies = new ArrayList<>();

        Probe(BenchSchema schema, String mqttUrl, String mission) {
            this.schema = schema;
            this.mqttUrl = mqttUrl;
            this.mission = mission;
        }

        @Override
        public void run() {
            String asset = mission + "-probe";
            String topic = new TopicAddress(mission, "camp-probe", "gw-probe").telemetryTopic();
            try (WindowedPublisher p = new WindowedPublisher(mqttUrl, "bench-probe-" + mission, 10, true);
                 Connection c = schema.dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("SELECT max(r.ts) FROM readings r"
                     + " JOIN assets a ON a.ref = r.asset_ref WHERE a.id = ?")) {
                q.setString(1, asset);
                long next = System.nanoTime();
                int seen = 0;
                while (running.get() || seen < published.size()) {
                    if (running.get() && System.nanoTime() >= next) {
                        int k = published.size();
                        synchronized (published) {
                            published.add(System.nanoTime());
                        }
                        p.publish(topic, TelemetryEncoder.encode(new TelemetryBatch(k, Instant.now(),
                            List.of(Reading.of(asset, "power.active", base.plusSeconds(k), k)))));
                        next += 50_000_000L;
                    }
                    seen = poll(q, seen);
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException("latency probe failed: " + e.getMessage(), e);
            }
        }

        private int poll(PreparedStatement q, int seen) throws java.sql.SQLException {
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && rs.getTimestamp(1) != null) {
                    long now = System.nanoTime();
                    int visible = (int) (rs.getTimestamp(1).toInstant().getEpochSecond() - base.getEpochSecond()) + 1;
                    for (int k = seen; k < visible; k++) {
                        latencies.add((now - published.get(k)) / 1e6);
                    }
                    return Math.max(seen, visible);
                }
            }
            return seen;
        }

        void stop() {
            running.set(false);
        }

        int sent() {
            return published.size();
        }

        Latency result(double rate) {
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                throw new IllegalStateException("no probe reading became visible");
            }
            return new Latency(rate, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted[sorted.length - 1]);
        }

        private static double percentile(double[] sorted, double p) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }
}
