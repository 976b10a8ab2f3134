package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/** The ingest end to end against the real broker and database: Paho gateway -> Mosquitto -> ingest -> rows. */
class IngestEndToEndIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static MigratedStore store;
    private static TestDatabase db;

    private final String mission = "it" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicAddress campA = new TopicAddress(mission, "camp-a", "gw-a");
    private final TopicAddress campB = new TopicAddress(mission, "camp-b", "gw-b");
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(6));
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        store = MigratedStore.create("e2e");
        db = store.db();
    }

    @AfterAll
    static void dropSchema() {
        store.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    @Test
    void everyPublishedReadingIsStoredExactlyOnceAndCountedInTheMetrics() throws Exception {
        registerCamps();
        IngestService ingest = startIngest("n");
        TestGateway gateway = gateway("a");
        for (int seq = 0; seq < 50; seq++) {
            gateway.publish(campA.telemetryTopic(), payload(seq, asset("a-gen"), seq * 40, 40));
        }
        gateway.flush();
        awaitReadings(2_000);
        assertThat(ingest.registry().get("smartcamp.ingest.readings.stored").counter().count()).isEqualTo(2_000);
        assertThat(sum()).isEqualTo(expectedSum(0, 2_000));
        await().atMost(SETTLE).until(() -> ingest.unacknowledged() == 0);
        String metrics = get(ingest.httpPort(), "/metrics");
        assertThat(metrics).contains("smartcamp_ingest_messages_received_total 50.0",
            "smartcamp_ingest_readings_received_total 2000.0", "smartcamp_ingest_readings_stored_total 2000.0",
            "smartcamp_ingest_readings_duplicates_total 0.0", "smartcamp_ingest_broker_connected 1.0",
            "smartcamp_ingest_queue_depth 0.0", "smartcamp_ingest_batch_size_readings_count",
            "smartcamp_ingest_batch_latency_seconds_count");
        assertThat(get(ingest.httpPort(), "/health/ready")).contains("UP");
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void twoIngestsInOneSharedSubscriptionGroupSplitTheStreamAndStoreItOnce() {
        registerCamps();
        IngestService first = startIngest("share-1", "group-" + mission);
        IngestService second = startIngest("share-2", "group-" + mission);
        TestGateway gateway = gateway("a");
        for (int seq = 0; seq < 200; seq++) {
            gateway.publish(campA.telemetryTopic(), payload(seq, asset("a-gen"), seq * 10, 10));
        }
        gateway.flush();
        awaitReadings(2_000);
        assertThat(sum()).isEqualTo(expectedSum(0, 2_000));
        double one = storedCounter(first);
        double two = storedCounter(second);
        assertThat(one + two).isEqualTo(2_000);
        assertThat(one).as("first replica's share").isPositive();
        assertThat(two).as("second replica's share").isPositive();
    }

    @Test
    void aRedeliveredBatchAndAnOverlappingBacklogAreStoredOnce() {
        registerCamps();
        IngestService ingest = startIngest("dup");
        TestGateway gateway = gateway("a");
        byte[] batch = payload(1, asset("a-gen"), 0, 100);
        gateway.publish(campA.telemetryTopic(), batch);
        gateway.publish(campA.telemetryTopic(), batch);
        gateway.publish(campA.telemetryTopic(), payload(2, asset("a-gen"), 50, 100));
        gateway.flush();
        await().atMost(SETTLE).until(() -> storedCounter(ingest) + duplicateCounter(ingest) >= 300);
        assertThat(readings()).isEqualTo(150);
        assertThat(duplicateCounter(ingest)).isEqualTo(150);
        assertThat(sum()).isEqualTo(expectedSum(0, 150));
    }

    @Test
    void anIngestKilledMidStreamAndRestartedLosesNothingAndStoresNothingTwice() throws Exception {
        registerCamps();
        int messages = 800;
        int perMessage = 25;
        long total = (long) messages * perMessage;
        String clientId = "ingest-kill-" + mission;
        Process first = spawnIngest(clientId, "first");
        TestGateway gateway = gateway("a");
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        Future<?> published = publisher.submit(() -> {
            for (int seq = 0; seq < messages; seq++) {
                gateway.publish(campA.telemetryTopic(), payload(seq, asset("a-gen"), seq * perMessage, perMessage));
            }
            gateway.flush();
        });
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(20)).until(() -> readings() >= total / 8);
        first.destroyForcibly().waitFor();
        long storedAtKill = readings();
        Process second = spawnIngest(clientId, "second");
        published.get(60, TimeUnit.SECONDS);
        publisher.shutdown();
        await().atMost(SETTLE).until(() -> readings() >= total);
        assertThat(storedAtKill).as("killed in the middle of the stream").isLessThan(total);
        assertThat(readings()).isEqualTo(total);
        assertThat(sum()).isEqualTo(expectedSum(0, (int) total));
        second.destroy();
        second.waitFor();
    }

    @Test
    void eachClassOfBadInputIsDeadLetteredWithItsReasonAndConsumingGoesOn() {
        registerCamps();
        startIngest("bad");
        TestGateway gateway = gateway("a");
        String topic = campA.telemetryTopic();
        String ts = base.toString();
        gateway.publish(topic, bytes("{\"seq\":1,\"sent\":\"" + ts + "\",\"readings\":[{\"asset\":"));
        gateway.publish(topic, bytes("{\"seq\":2,\"sent\":\"" + ts + "\",\"readings\":[{\"asset\":\""
            + asset("a-gen") + "\",\"metric\":\"power.active\",\"ts\":\"" + ts + "\",\"value\":\"high\"}]}"));
        gateway.publish(topic, bytes("{\"seq\":3,\"sent\":\"" + ts + "\",\"readings\":[{\"asset\":\""
            + asset("a-gen") + "\",\"metric\":\"power.active\",\"ts\":\"" + ts + "\",\"value\":NaN}]}"));
        gateway.publish(topic, bytes("{\"seq\":4,\"sent\":\"" + ts + "\",\"readings\":[{\"asset\":\""
            + asset("a-gen") + "\",\"metric\":\"power.active\",\"value\":1}]}"));
        gateway.publish(topic, bytes("{\"seq\":5,\"sent\":\"" + ts + "\",\"readings\":[{\"asset\":\""
            + asset("a-gen") + "\",\"metric\":\"power.active\",\"ts\":\"2001-01-01T00:00:00Z\",\"value\":1}]}"));
        gateway.publish(topic, bytes("{\"sent\":\"" + ts + "\",\"readings\":[]}"));
        // Over the payload limit but under the Maximum Packet Size (limit + 8 KiB), so the broker still sends it.
        gateway.publish(topic, new byte[257 * 1024]);
        gateway.publish(topic, bytes("{\"seq\":6,\"sent\":\"" + ts + "\",\"readings\":[{\"asset\":\""
            + asset("a-gen") + "\",\"metric\":\"power.active\",\"ts\":\"" + ts + "\",\"value\":1e300}]}"));
        gateway.publish("smartcamp/v1/" + mission + "/Camp_A/gw-a/telemetry", payload(7, asset("a-gen"), 0, 1));
        gateway.publish(topic, payload(8, asset("a-gen"), 10, 5));
        gateway.flush();
        awaitReadings(5);
        await().atMost(SETTLE).until(() -> deadLetters() == 9);
        assertThat(reasons()).containsExactlyInAnyOrder("malformed_json", "wrong_type", "not_finite",
            "missing_field", "timestamp_out_of_window", "missing_field", "payload_too_large", "out_of_range",
            "invalid_topic");
        assertThat(db.queryLong("SELECT count(*) FROM dead_letters WHERE reason_code = 'payload_too_large'"
            + " AND length(payload) = 4096 AND detail LIKE 'payload of " + 257 * 1024 + " bytes%'"))
            .as("an oversized payload is dead-lettered as its first 4 KiB and its size").isEqualTo(1);
    }

    @Test
    void aGatewayOfCampACannotWriteReadingsOfCampBsAssets() {
        registerCamps();
        IngestService ingest = startIngest("acl");
        TestGateway gateway = gateway("a");
        List<Reading> mixed = new ArrayList<>();
        mixed.add(Reading.of(asset("a-gen"), "power.active", base, 10));
        mixed.add(Reading.of(asset("b-gen"), "power.active", base, 20));
        gateway.publish(campA.telemetryTopic(), TelemetryEncoder.encode(new TelemetryBatch(1, base, mixed)));
        gateway.flush();
        awaitReadings(1);
        await().atMost(SETTLE).until(() -> deadLetters() == 1);
        assertThat(reasons()).containsExactly("asset_of_other_camp");
        await().atMost(SETTLE).until(() -> ingest.registry().get("smartcamp.ingest.deadletters")
            .tag("reason", "asset_of_other_camp").counter().count() == 1);
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = '" + asset("b-gen") + "'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = '" + asset("b-gen") + "' AND camp_id = '"
            + campB.camp() + "'")).isEqualTo(1);
    }

    @Test
    void anUnknownAssetIsRegisteredAsUnregisteredAndItsReadingsKept() {
        registerCamps();
        startIngest("unknown");
        TestGateway gateway = gateway("a");
        gateway.publish(campA.telemetryTopic(), payload(1, asset("a-new"), 0, 3));
        gateway.flush();
        awaitReadings(3);
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = '" + asset("a-new")
            + "' AND NOT registered AND camp_id = '" + campA.camp() + "'")).isEqualTo(1);
    }

    private void registerCamps() {
        execute("INSERT INTO missions (id, name) VALUES ('" + mission + "', 'Test mission')");
        execute("INSERT INTO camps (id, mission_id, name, latitude, longitude) VALUES ('" + campA.camp() + "', '"
            + mission + "', 'Camp A', 4.85, 31.58), ('" + campB.camp() + "', '" + mission
            + "', 'Camp B', 4.9, 31.6) ON CONFLICT (id) DO UPDATE SET mission_id = excluded.mission_id");
        execute("INSERT INTO assets (id, camp_id, kind, registered, rated_kw) VALUES ('" + asset("a-gen") + "', '"
            + campA.camp() + "', 'generator', true, 100), ('" + asset("b-gen") + "', '" + campB.camp()
            + "', 'generator', true, 100)");
    }

    private IngestService startIngest(String name) {
        return startIngest(name, null);
    }

    private IngestService startIngest(String name, String sharedGroup) {
        IngestConfig base = IngestProcess.config(db.url(), db.user(), db.password(), TestServices.mqttUrl(),
            "ingest-" + name + "-" + mission, TopicAddress.telemetryFilter(mission), 0);
        MqttConfig m = base.mqtt();
        IngestConfig config = new IngestConfig(base.database(), new MqttConfig(m.serverUri(), m.clientId(),
            m.username(), m.password(), m.topicFilter(), sharedGroup, m.sessionExpiry(), m.receiveMaximum(),
            m.keepAlive(), m.connectTimeout()), base.batch(), base.limits(), base.httpHost(), base.httpPort(),
            base.migrateOnStart());
        IngestService service = new IngestService(config, Clock.systemUTC());
        service.start();
        closeLater.add(() -> service.stop(Duration.ofSeconds(10)));
        return service;
    }

    private Process spawnIngest(String clientId, String name) throws IOException {
        Process process = IngestProcess.spawn(db, clientId, TopicAddress.telemetryFilter(mission), name, List.of(),
            SETTLE);
        closeLater.add(process::destroyForcibly);
        return process;
    }

    private TestGateway gateway(String name) {
        TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-" + name + "-" + mission, 10);
        closeLater.add(0, gateway);
        return gateway;
    }

    private String asset(String name) {
        return mission + "-" + name;
    }

    /** Readings {@code first..first+count-1} of one asset, one per second, value = index. */
    private byte[] payload(int seq, String asset, int first, int count) {
        List<Reading> list = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            list.add(Reading.of(asset, "power.active", base.plusSeconds(i), i));
        }
        return TelemetryEncoder.encode(new TelemetryBatch(seq, Instant.now(), list));
    }

    private static double expectedSum(int first, int count) {
        return ((double) first + first + count - 1) * count / 2;
    }

    private long readings() {
        return db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id LIKE '" + mission + "-%'");
    }

    private double sum() {
        return db.queryLong("SELECT sum(value)::bigint FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id LIKE '" + mission + "-%'");
    }

    private long deadLetters() {
        return db.queryLong("SELECT count(*) FROM dead_letters WHERE topic LIKE 'smartcamp/v1/" + mission + "/%'");
    }

    private List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        try (var c = db.connect(); var s = c.prepareStatement(
                "SELECT reason_code FROM dead_letters WHERE topic LIKE ?")) {
            s.setString(1, "smartcamp/v1/" + mission + "/%");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    reasons.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return reasons;
    }

    private void awaitReadings(long n) {
        await().atMost(SETTLE).until(() -> readings() >= n);
        assertThat(readings()).isEqualTo(n);
    }

    private void execute(String sql) {
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static double storedCounter(IngestService ingest) {
        return ingest.registry().get("smartcamp.ingest.readings.stored").counter().count();
    }

    private static double duplicateCounter(IngestService ingest) {
        return ingest.registry().get("smartcamp.ingest.readings.duplicates").counter().count();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
