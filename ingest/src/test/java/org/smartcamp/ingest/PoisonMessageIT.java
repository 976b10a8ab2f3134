package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Issue 13 end to end, real broker and database: one gateway's poison messages sit between another gateway's
 * valid ones, and every valid reading is stored once, every poison message dead-lettered with its reason, and the
 * ingest goes on consuming; an ingest whose commits stop reports itself not ready, and ready again when they
 * resume.
 */
class PoisonMessageIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int PER_MESSAGE = 10;
    @AutoClose
    private static final MigratedStore STORE = MigratedStore.create("poison_e2e");
    private static final TestDatabase DB = STORE.db();

    private final String mission = "pm" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicAddress campA = new TopicAddress(mission, mission + "-a", "gw-a");
    private final TopicAddress campB = new TopicAddress(mission, mission + "-b", "gw-b");
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    @Test
    void poisonMessagesBetweenAnotherGatewaysValidOnesAreDeadLetteredAndEveryValidReadingIsStoredOnce()
            throws Exception {
        IngestService ingest = startIngest("hostile", BatchConfig.DEFAULT_STUCK_AFTER);
        TestGateway a = gateway("a");
        TestGateway b = gateway("b");
        for (int seq = 0; seq < 20; seq++) {
            a.publish(campA.telemetryTopic(), valid(seq, asset("a-gen"), seq * PER_MESSAGE));
        }
        String reading = "{\"asset\":\"" + asset("b-gen") + "\",\"metric\":\"power.active\",\"ts\":\""
            + now.minusSeconds(30) + "\",\"value\":%s}";
        String message = "{\"seq\":%d,\"sent\":%s,\"readings\":[%s]}";
        String sent = "\"" + now + "\"";
        List<byte[]> poison = List.of(
            utf8(message.formatted(1, sent, reading.formatted("1").replace(asset("b-gen"), "juba1-\\u0000"))),
            utf8(message.formatted(2, "9223372036854775807", reading.formatted("2"))),
            utf8(message.formatted(3, "\"+300000-01-01T00:00:00Z\"", reading.formatted("3"))),
            message.formatted(4, sent, reading.formatted("4")).getBytes(StandardCharsets.UTF_16LE),
            utf8("\uFEFF" + message.formatted(5, sent, reading.formatted("5"))),
            utf8(message.formatted(6, sent, reading.formatted("1e-400"))),
            utf8(message.formatted(7, sent, reading.formatted("NaN"))),
            utf8(message.formatted(8, sent, reading.formatted("-Infinity"))));
        for (byte[] p : poison) {
            b.publish(campB.telemetryTopic(), p);
        }
        b.flush();
        for (int seq = 20; seq < 40; seq++) {
            a.publish(campA.telemetryTopic(), valid(seq, asset("a-gen"), seq * PER_MESSAGE));
        }
        a.flush();
        b.publish(campB.telemetryTopic(), valid(9, asset("b-gen"), 0));
        b.flush();

        await().atMost(SETTLE).until(() -> readings("a-gen") >= 400 && readings("b-gen") >= PER_MESSAGE);
        await().atMost(SETTLE).until(() -> ingest.unacknowledged() == 0);
        assertThat(readings("a-gen")).isEqualTo(400);
        assertThat(readings("b-gen")).as("the canary after the poison").isEqualTo(PER_MESSAGE);
        assertThat(DB.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE r.value = 0 AND a.id LIKE '" + mission + "-%'")).as("1e-400 not stored as 0").isEqualTo(2);
        assertThat(deadLettersByReason()).containsExactlyEntriesOf(new TreeMap<>(Map.of("invalid_id", 1L,
            "timestamp_out_of_window", 2L, "not_utf8", 1L, "byte_order_mark", 1L, "underflow", 1L,
            "not_finite", 2L)));
        assertThat(get(ingest.httpPort(), "/health/ready")).isEqualTo("200 "
            + "{\"status\":\"UP\",\"checks\":{\"broker\":\"UP\",\"database\":\"UP\",\"commits\":\"UP\"}}");
    }

    @Test
    void readinessIsDownWhileNoCommitGoesThroughAndUpAgainWhenCommitsResume() throws Exception {
        IngestService ingest = startIngest("stuck", Duration.ofSeconds(2));
        TestGateway a = gateway("s");
        a.publish(campA.telemetryTopic(), valid(0, asset("a-gen"), 0));
        a.flush();
        await().atMost(SETTLE).until(() -> readings("a-gen") == PER_MESSAGE);
        assertThat(get(ingest.httpPort(), "/health/ready")).startsWith("200 ");

        try (Connection lock = DB.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            // the writer's COPY waits behind this lock: a database that accepts connections but commits nothing
            s.execute("LOCK TABLE readings IN ACCESS EXCLUSIVE MODE");
            a.publish(campA.telemetryTopic(), valid(1, asset("a-gen"), PER_MESSAGE));
            a.flush();
            await().atMost(SETTLE).until(() -> get(ingest.httpPort(), "/health/ready").startsWith("503 "));
            assertThat(get(ingest.httpPort(), "/health/ready")).contains("\"commits\":\"DOWN\"")
                .contains("\"database\":\"UP\"");
            assertThat(stalledSeconds(ingest)).isGreaterThanOrEqualTo(2.0);
            lock.rollback();
        }

        await().atMost(SETTLE).until(() -> get(ingest.httpPort(), "/health/ready").startsWith("200 "));
        assertThat(readings("a-gen")).isEqualTo(2L * PER_MESSAGE);
        assertThat(stalledSeconds(ingest)).isZero();
    }

    private IngestService startIngest(String name, Duration stuckAfter) {
        IngestConfig base = IngestProcess.config(DB.url(), DB.user(), DB.password(), TestServices.mqttUrl(),
            "ingest-" + name + "-" + mission, TopicAddress.telemetryFilter(mission), 0);
        BatchConfig batch = new BatchConfig(base.batch().maxReadings(), base.batch().maxDelay(),
            base.batch().retryBackoff(), stuckAfter);
        IngestService service = new IngestService(new IngestConfig(base.database(), base.mqtt(), batch,
            base.limits(), base.httpHost(), base.httpPort(), base.migrateOnStart()), Clock.systemUTC());
        service.start();
        closeLater.add(() -> service.stop(Duration.ofSeconds(10)));
        return service;
    }

    private TestGateway gateway(String name) {
        TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-" + name + "-" + mission, 10);
        closeLater.add(0, gateway);
        return gateway;
    }

    private String asset(String name) {
        return mission + "-" + name;
    }

    /** {@value #PER_MESSAGE} readings of one asset, one per second from {@code first} s after an hour ago. */
    private byte[] valid(int seq, String asset, int first) {
        List<Reading> list = new ArrayList<>();
        for (int i = first; i < first + PER_MESSAGE; i++) {
            list.add(Reading.of(asset, "power.active", now.minus(Duration.ofHours(1)).plusSeconds(i), i));
        }
        return TelemetryEncoder.encode(new TelemetryBatch(seq, Instant.now(), list));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long readings(String name) {
        return DB.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref WHERE a.id = '"
            + asset(name) + "'");
    }

    private Map<String, Long> deadLettersByReason() throws SQLException {
        Map<String, Long> reasons = new TreeMap<>();
        try (Connection c = DB.connect(); var s = c.prepareStatement(
                "SELECT reason_code, count(*) FROM dead_letters WHERE topic LIKE ? GROUP BY reason_code")) {
            s.setString(1, "smartcamp/v1/" + mission + "/%");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    reasons.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return reasons;
    }

    private static double stalledSeconds(IngestService ingest) {
        return ingest.registry().get("smartcamp.ingest.stalled").gauge().value();
    }

    /** The status code and body, e.g. {@code 503 {"status":"DOWN",...}}. */
    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
