package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TcpProxy;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Memory is bounded by the payload limit, not by what gateways send (issue 13, D4): an ingest in a JVM of its own
 * with a 256 MiB heap takes 400 messages of 2 MB while its database is unreachable, holds only its receive window of
 * them, and stores every one once the database is back.
 */
class IngestMemoryIT {
    private static final int MESSAGES = 400;
    private static final int MESSAGE_BYTES = 2_000_000;
    private static final int MAX_PAYLOAD = 2_621_440;
    private static final int RECEIVE_MAXIMUM = 40;
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    private final String mission = "mem" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicAddress camp = new TopicAddress(mission, "camp-m", "gw-m");
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    @Test
    void fourHundredTwoMegabyteMessagesDuringADatabaseOutageFitA256MebibyteHeapAndAreAllStoredAfterwards()
            throws Exception {
        MigratedStore store = MigratedStore.create("memory");
        closeLater.add(store);
        store.db().execute("INSERT INTO missions (id, name) VALUES ('" + mission + "', 'm')");
        store.db().execute("INSERT INTO camps (id, mission_id, name) VALUES ('camp-m', '" + mission + "', 'c')");
        Matcher target = HOST_PORT.matcher(store.db().url());
        assertThat(target.find()).as("host and port in %s", store.db().url()).isTrue();
        TcpProxy database = TcpProxy.start(target.group(1), Integer.parseInt(target.group(2)));
        closeLater.add(database);
        String proxied = target.replaceFirst("//127.0.0.1:" + database.port() + "/");
        Path log = Path.of(System.getenv().getOrDefault("SMARTCAMP_BUILD_DIR", "target"), "ingest-memory.log");
        int port = freePort();
        Process ingest = spawn(proxied, store, port, log);

        database.block();
        try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-" + mission, 10)) {
            for (int i = 0; i < MESSAGES; i++) {
                gateway.publish(camp.telemetryTopic(), padded(i));
            }
            gateway.flush();
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> queueDepth(port) >= RECEIVE_MAXIMUM);
        assertThat(ingest.isAlive()).as("ingest alive during the outage (see %s)", log).isTrue();
        assertThat(queueDepth(port)).as("held: only the receive window").isLessThanOrEqualTo(RECEIVE_MAXIMUM);
        database.unblock();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> stored(store)
            >= MESSAGES || !ingest.isAlive());
        assertThat(ingest.isAlive()).as("ingest alive (see %s)", log).isTrue();
        assertThat(stored(store)).isEqualTo(MESSAGES);
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError", "Java heap space");
    }

    @Test
    void aReceiveWindowOfLargeMessagesThatCannotFitTheHeapIsRefusedAtStartWithTheSettingsToChange()
            throws Exception {
        Path log = Path.of(System.getenv().getOrDefault("SMARTCAMP_BUILD_DIR", "target"), "ingest-heap.log");
        Process ingest = new ProcessBuilder(command("jdbc:postgresql://127.0.0.1:1/none", "u", "p", freePort(),
            1_000, MAX_PAYLOAD)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        closeLater.add(ingest::destroyForcibly);

        await().atMost(Duration.ofMinutes(1)).until(() -> !ingest.isAlive());
        assertThat(Files.readString(log)).contains("InsufficientHeapException", "mqtt.receiveMaximum (1000)",
            "wire.maxPayloadBytes (" + MAX_PAYLOAD + ")", "this JVM has 256 MiB");
    }

    private Process spawn(String dbUrl, MigratedStore store, int port, Path log) throws IOException {
        Process process = new ProcessBuilder(command(dbUrl, store.db().user(), store.db().password(), port,
            RECEIVE_MAXIMUM, MAX_PAYLOAD)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        closeLater.add(0, process::destroyForcibly);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("ingest process alive (see %s)", log).isTrue();
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return process;
    }

    private List<String> command(String dbUrl, String user, String password, int port, int receiveMaximum,
                                 int maxPayload) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
            IngestProcess.class.getName(), dbUrl, user, password == null ? "" : password, TestServices.mqttUrl(),
            "ingest-" + mission, TopicAddress.telemetryFilter(mission), Integer.toString(port),
            Integer.toString(receiveMaximum), Integer.toString(maxPayload));
    }

    /** A valid message of about {@link #MESSAGE_BYTES}: one reading, padded with JSON whitespace. */
    private byte[] padded(int seq) {
        byte[] json = TelemetryEncoder.encode(new TelemetryBatch(seq, Instant.now(),
            List.of(Reading.of(mission + "-gen", "power.active", base.plusSeconds(seq), seq))));
        byte[] payload = new byte[MESSAGE_BYTES];
        Arrays.fill(payload, (byte) ' ');
        payload[0] = '{';
        System.arraycopy(json, 1, payload, MESSAGE_BYTES - json.length + 1, json.length - 1);
        return payload;
    }

    private long stored(MigratedStore store) {
        return store.db().queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = '" + mission + "-gen'");
    }

    private static double queueDepth(int port) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/metrics")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher m = Pattern.compile("(?m)^smartcamp_ingest_queue_depth(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
