package org.smartcamp.deploy.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    /** Throughput and memory of one full-speed run. */
    record Throughput(double readingsPerSecond, double peakHeapBytes, double peakRssBytes) {
    }

    /** Publish-to-queryable latency percentiles, in milliseconds, and the rate they were measured at. */
    record Latency(double ratePerSecond, int samples, double p50Millis, double p99Millis, double maxMillis) {
    }

    private EndToEnd() {
    }

    static Throughput throughput(DatabaseConfig db, String mqttUrl, Workload workload, int gateways, Path workDir)
            throws Exception {
        try (BenchSchema schema = new BenchSchema(db, "e2e");
             IngestChild ingest = IngestChild.start(schema.config(), mqttUrl, workload.mission(), workDir)) {
            long start = System.nanoTime();
            Publishing.publish(mqttUrl, "bench-e2e", workload, gateways, 0, (m, g) -> { });
            while (ingest.stored() < workload.readings()) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            double rate = workload.readings() / ((System.nanoTime() - start) / 1e9);
            long rows = schema.count("SELECT count(*) FROM readings");
            if (rows != workload.readings()) {
                throw new IllegalStateException("expected " + workload.readings() + " rows, found " + rows);
            }
            return new Throughput(rate, ingest.peakHeapBytes(), ingest.peakRssBytes());
        }
    }

    /**
     * Publishes the workload paced at {@code rate} readings per second, plus a probe gateway sending one reading
     * every 50 ms; measures how long each probe reading takes from publish to being visible in the database.
     */
    static Latency latency(DatabaseConfig db, String mqttUrl, Workload workload, int gateways, double rate,
                           Path workDir) throws Exception {
        try (BenchSchema schema = new BenchSchema(db, "latency");
             IngestChild ingest = IngestChild.start(schema.config(), mqttUrl, workload.mission(), workDir)) {
            double perGateway = rate / workload.messages().get(0).readings() / gateways;
            Probe probe = new Probe(schema, mqttUrl, workload.mission());
            Thread prober = new Thread(probe, "bench-probe");
            prober.start();
            Publishing.publish(mqttUrl, "bench-latency", workload, gateways, perGateway, (m, g) -> { });
            probe.stop();
            prober.join();
            while (ingest.stored() < workload.readings() + probe.sent()) {
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
