package org.smartcamp.deploy.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.postgresql.PGConnection;
import org.smartcamp.ingest.mqtt.MessageListener;
import org.smartcamp.ingest.store.AssetKey;
import org.smartcamp.ingest.store.AssetRegistry;
import org.smartcamp.ingest.store.CopyBatchWriter;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.ReceivedMessage;
import org.smartcamp.ingest.store.RegistrationPolicy;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.WireLimits;

/** The bench's reference points: what the broker alone and the database alone can take, and a naive writer. */
final class Ceilings {
    static final int COPY_BATCH = 5_000;

    private Ceilings() {
    }

    /** Paho publishers to one Paho subscriber (QoS 1 both ways), no database: readings per second. */
    static double broker(String mqttUrl, Workload workload, int gateways) throws Exception {
        MqttAsyncClient sub = new MqttAsyncClient(mqttUrl, "bench-subscriber-" + workload.mission(),
            new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(1000);
        AtomicLong messages = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        long total = workload.messages().size();
        long[] last = new long[1];
        sub.setCallback(new MessageListener() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (messages.incrementAndGet() == total) {
                    last[0] = System.nanoTime();
                    all.countDown();
                }
            }
        });
        sub.connect(options).waitForCompletion(10_000);
        sub.subscribe("smartcamp/v1/" + workload.mission() + "/+/+/telemetry", 1).waitForCompletion(10_000);
        long start = System.nanoTime();
        Publishing.publish(mqttUrl, "bench-broker", workload, gateways, 0, (m, g) -> { });
        if (!all.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("subscriber got " + messages.get() + " of " + total + " messages");
        }
        sub.disconnect().waitForCompletion(10_000);
        sub.close();
        return workload.readings() / ((last[0] - start) / 1e9);
    }

    /** The same readings COPYed straight into {@code readings} in transactions of 5000: readings per second. */
    static double copy(DatabaseConfig db, Workload workload) throws SQLException, java.io.IOException {
        try (BenchSchema schema = new BenchSchema(db, "copy"); Connection c = schema.dataSource().getConnection()) {
            Refs refs = Refs.register(schema, workload);
            List<Reading> all = all(workload);
            Instant received = Instant.now();
            long start = System.nanoTime();
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < all.size(); from += COPY_BATCH) {
                StringBuilder sb = new StringBuilder(COPY_BATCH * 80);
                for (Reading r : all.subList(from, Math.min(all.size(), from + COPY_BATCH))) {
                    sb.append(refs.asset(r)).append('\t').append(refs.metric(r)).append('\t').append(r.ts())
                        .append('\t').append(r.value()).append("\t0\t").append(received).append('\n');
                }
                copy.copyIn("COPY readings (asset_ref, metric_id, ts, value, quality, received_at) FROM STDIN",
                    new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)));
                c.commit();
            }
            double rate = all.size() / ((System.nanoTime() - start) / 1e9);
            check(schema, all.size());
            return rate;
        }
    }

    /** SmartCamp's store path without MQTT: decode, registry rules, COPY (staging and dedup only for repeats). */
    static double storePath(DatabaseConfig db, Workload workload) {
        try (BenchSchema schema = new BenchSchema(db, "store")) {
            CopyBatchWriter writer = new CopyBatchWriter(schema.dataSource(),
                new AssetRegistry(schema.dataSource(), RegistrationPolicy.UNLIMITED));
            TelemetryDecoder decoder = new TelemetryDecoder(WireLimits.V1, java.time.Clock.systemUTC());
            long start = System.nanoTime();
            List<ReceivedMessage> batch = new ArrayList<>();
            int readings = 0;
            for (Workload.Message m : workload.messages()) {
                batch.add(new ReceivedMessage(m.topic(), Instant.now(), m.payload(), decoder.decode(m.topic(),
                    m.payload())));
                readings += m.readings();
                if (readings >= COPY_BATCH) {
                    writer.write(new WriteBatch(batch, List.of()));
                    batch.clear();
                    readings = 0;
                }
            }
            if (!batch.isEmpty()) {
                writer.write(new WriteBatch(batch, List.of()));
            }
            double rate = workload.readings() / ((System.nanoTime() - start) / 1e9);
            check(schema, workload.readings());
            return rate;
        }
    }

    /** One INSERT per reading with autocommit, for the first {@code n} readings: readings per second. */
    static double naive(DatabaseConfig db, Workload workload, int n) throws SQLException {
        try (BenchSchema schema = new BenchSchema(db, "naive"); Connection c = schema.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO readings (asset_ref, metric_id, ts, value,"
                 + " quality, received_at) VALUES (?, ?, ?, ?, 0, now())")) {
            Refs refs = Refs.register(schema, workload);
            List<Reading> some = all(workload).subList(0, (int) Math.min(n, workload.readings()));
            long start = System.nanoTime();
            for (Reading r : some) {
                s.setInt(1, refs.asset(r));
                s.setInt(2, refs.metric(r));
                s.setTimestamp(3, Timestamp.from(r.ts()));
                s.setDouble(4, r.value());
                s.executeUpdate();
            }
            double rate = some.size() / ((System.nanoTime() - start) / 1e9);
            check(schema, some.size());
            return rate;
        }
    }

    private static void check(BenchSchema schema, long expected) {
        long rows = schema.count("SELECT count(*) FROM readings");
        if (rows != expected) {
            throw new IllegalStateException("expected " + expected + " rows, found " + rows);
        }
    }

    private static List<Reading> all(Workload workload) {
        List<Reading> all = new ArrayList<>((int) workload.readings());
        workload.messages().forEach(m -> all.addAll(m.content()));
        return all;
    }

    /** Registry refs of the workload's assets and metrics, registered before timing starts. */
    /** The workload's asset ids are unique across its camps, so refs are looked up by id. */
    private record Refs(Map<String, AssetRegistry.Asset> assets, Map<String, AssetRegistry.Metric> metrics) {
        static Refs register(BenchSchema schema, Workload workload) {
            AssetRegistry registry = new AssetRegistry(schema.dataSource(), RegistrationPolicy.UNLIMITED);
            Map<String, String> missionByCamp = new HashMap<>();
            Set<AssetKey> assets = new HashSet<>();
            Map<String, String> unitByMetric = new HashMap<>();
            for (Workload.Message m : workload.messages()) {
                missionByCamp.put("camp-" + m.gateway(), workload.mission());
                for (Reading r : m.content()) {
                    assets.add(new AssetKey("camp-" + m.gateway(), r.asset()));
                    unitByMetric.put(r.metric(), null);
                }
            }
            registry.camps(missionByCamp);
            return new Refs(registry.assets(assets, Instant.now()).values().stream()
                .collect(Collectors.toMap(AssetRegistry.Asset::id, a -> a)), registry.metrics(unitByMetric));
        }

        int asset(Reading r) {
            return assets.get(r.asset()).ref();
        }

        int metric(Reading r) {
            return metrics.get(r.metric()).id();
        }
    }
}
