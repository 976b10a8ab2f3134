package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * The launcher as a user runs it: {@code bin/smartcamp} on the packaged jar, configured through the environment,
 * against the real database and broker.
 */
class SmartCampCliIT {
    private static TestDatabase db;

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create("cli");
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void migrateThenImportTheExampleInventory() throws Exception {
        Run migrate = run(env(), "migrate");
        Run again = run(env(), "migrate");
        Run inventory = run(env(), "inventory", "config/inventory.example.yaml");

        assertThat(migrate.exit).as(migrate.err).isZero();
        // Versions need not be consecutive integers (V7_1 is version 7.1): the first run applies some, the second none.
        assertThat(migrate.out).containsPattern("schema version [0-9.]+ \\([1-9][0-9]* migration\\(s\\) applied\\)");
        assertThat(again.out).contains("(0 migration(s) applied)");
        assertThat(inventory.exit).as(inventory.err).isZero();
        assertThat(inventory.out).contains("camps 2 added").contains("assets 11 added");
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE registered")).isEqualTo(11);
    }

    @Test
    void anInventoryWithABadAnalyticsSettingIsRefusedNamingTheCampAndTheKeyAndNothingIsStored() throws Exception {
        Path file = Files.createTempFile("inventory", ".yaml");
        Files.writeString(file, """
            missions: [{id: bad-m, camps: [{id: bad-c, analytics: {job.fuelContext: two weeks}, assets: [
              {id: bad-c-gen, kind: generator, rated_kw: 10}]}]}]
            """);
        assertThat(run(env(), "migrate").exit).isZero();

        Run inventory = run(env(), "inventory", file.toString());

        assertThat(inventory.exit).isEqualTo(1);
        assertOneErrorLine(inventory, file + ": analytics camp bad-c: job.fuelContext: 'two weeks' is not a duration"
            + " (e.g. 250ms, 30s, 5m, 2h, 1d, 2d6h or PT5M); nothing imported");
        assertThat(db.queryLong("SELECT count(*) FROM camps WHERE id = 'bad-c'")).isZero();
    }

    @Test
    void simulateWritesTelemetryGroundTruthAndInventoryAndSummarises() throws Exception {
        Path dir = Files.createTempDirectory("smartcamp-sim");
        Run run = run(env(), "simulate", "--scenario", "small-outpost", "--duration", "12h", "--start", "now",
            "--out", dir.resolve("telemetry.csv").toString(), "--ground-truth", dir.resolve("truth.json").toString(),
            "--inventory", dir.resolve("inventory.yaml").toString());
        Run inventory = run(env(), "inventory", dir.resolve("inventory.yaml").toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("gw-1");
        assertThat(Files.readAllLines(dir.resolve("telemetry.csv")).get(0))
            .isEqualTo("timestamp,camp,asset,metric,value,unit,quality");
        assertThat(Files.readAllLines(dir.resolve("telemetry.csv")).size()).isGreaterThan(1_000);
        assertThat(Files.readString(dir.resolve("truth.json"))).contains("\"events\"");
        assertThat(inventory.exit).as(inventory.err).isZero();
    }

    @Test
    void simulatePublishesAsASparkplugEdgeNodeAndRefusesAnUnknownProtocol() throws Exception {
        Run sparkplug = run(env(), "simulate", "--scenario", "small-outpost", "--duration", "1h", "--start", "now",
            "--protocol", "sparkplug");
        Run unknown = run(env(), "simulate", "--scenario", "small-outpost", "--protocol", "amqp");

        assertThat(sparkplug.exit).as(sparkplug.err).isZero();
        assertThat(sparkplug.out).contains("gw-1");
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.err.strip()).isEqualTo("simulate: protocol 'amqp' is not one of smartcamp, sparkplug");
    }

    @Test
    void theBenchRunsEveryIngestPhaseAndWritesItsTable() throws Exception {
        Path out = Files.createTempFile("benchmarks", ".md");
        Run run = run(env(), "bench", "--parts", "ingest", "--readings", "20000", "--naive-readings", "1000",
            "--latency-seconds", "3", "--gateways", "2", "--out", out.toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(Files.readString(out)).contains("# Benchmarks", "broker-only ceiling", "database-only ceiling",
            "end-to-end (gateways", "naive baseline", "publish-to-queryable p99", "ingest peak heap");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAndExitCode1() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/smartcamp");

        Run run = run(env, "migrate");

        assertThat(run.exit).isEqualTo(1);
        assertOneErrorLine(run, "cannot reach the database at jdbc:postgresql://127.0.0.1:1/smartcamp");
    }

    @Test
    void anUnreachableBrokerIsOneClearLineAndExitCode1() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_MQTT_URL", "tcp://127.0.0.1:1");
        env.put("SMARTCAMP_MQTT_CONNECT_TIMEOUT", "3s");
        env.put("SMARTCAMP_INGEST_HTTP_PORT", "0");

        Run run = run(env, "ingest");

        assertThat(run.exit).isEqualTo(1);
        assertOneErrorLine(run, "cannot reach the MQTT broker at tcp://127.0.0.1:1");
    }

    @Test
    void aWrongConfigurationIsOneClearLineAndExitCode2() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_DATABASE_POOL_SIZE", "lots");
        Path file = Files.createTempFile("smartcamp", ".yaml");
        Files.writeString(file, "database:\n  urll: jdbc:postgresql://x/y\n");

        Run badValue = run(env, "migrate");
        Run badKey = run(env(), "migrate", "--config", file.toString());

        assertThat(badValue.exit).isEqualTo(2);
        assertOneErrorLine(badValue, "database.poolSize");
        assertThat(badKey.exit).isEqualTo(2);
        assertOneErrorLine(badKey, "database.urll");
    }

    @Test
    void aMisspelledVariableIsAnErrorLikeAnUnknownKeyInTheFile() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_MQTT_URLL", "tcp://127.0.0.1:1");
        // SMARTCAMP_JAR (set by process()) is the launcher's own, SMARTCAMP_TEST_* the tests': neither is a key.
        env.put("SMARTCAMP_TEST_ANYTHING", "tests only");

        Run config = run(env, "config");
        Run simulate = run(env, "simulate", "--scenario", "small-outpost", "--duration", "1h");

        for (Run r : List.of(config, simulate)) {
            assertThat(r.exit).as(r.err).isEqualTo(2);
            assertOneErrorLine(r, "environment variable SMARTCAMP_MQTT_URLL: unknown key");
            assertThat(r.out).doesNotContain("configuration is valid");
        }
    }

    @Test
    void usageErrorsExit2NamingWhatIsWrongAndTheVersionNamesItsCommit() throws Exception {
        Run misspelt = run(env(), "reprot", "--help"); // a typo of report (of replay before report existed)
        Run badOption = run(env(), "migrate", "--no-such-option");
        Run version = run(env(), "--version");

        assertThat(misspelt.exit).as(misspelt.out).isEqualTo(2);
        assertThat(misspelt.err).contains("'reprot'").contains("smartcamp report");
        assertThat(misspelt.out).doesNotContain("Usage: smartcamp [");
        assertThat(badOption.exit).isEqualTo(2);
        assertThat(badOption.err).contains("--no-such-option");
        assertThat(version.exit).isZero();
        assertThat(version.out.strip()).matches("smartcamp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}\\)");
    }

    @Test
    void anIngestWhoseHealthPortIsTakenNamesItAndLeavesNoSessionAtTheBroker() throws Exception {
        assertThat(run(env(), "migrate").exit).isZero();
        String clientId = "ingest-busy-" + Long.toString(System.nanoTime(), 36);
        Map<String, String> env = env();
        env.put("SMARTCAMP_MQTT_CLIENT_ID", clientId);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("SMARTCAMP_INGEST_HTTP_PORT", Integer.toString(taken.getLocalPort()));

            Run run = run(env, "ingest");

            assertThat(run.exit).isEqualTo(1);
            assertOneErrorLine(run, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
        // Had it subscribed first, the broker would now hold its persistent session (mqtt.sessionExpiry, 7 days).
        MqttAsyncClient probe = new MqttAsyncClient(TestServices.mqttUrl(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(0L);
        try {
            IMqttToken connected = probe.connect(options);
            connected.waitForCompletion(10_000);
            assertThat(connected.getSessionPresent()).as("a session left at the broker").isFalse();
            probe.disconnect().waitForCompletion(5_000);
        } finally {
            probe.close();
        }
    }

    @Test
    void ingestConsumesUntilSigtermAndThenStopsCleanly() throws Exception {
        assertThat(run(env(), "migrate").exit).isZero();
        int port = freePort();
        String mission = "cli" + Long.toString(System.nanoTime(), 36);
        Map<String, String> env = env();
        env.put("SMARTCAMP_INGEST_HTTP_PORT", Integer.toString(port));
        env.put("SMARTCAMP_MQTT_CLIENT_ID", "ingest-" + mission);
        env.put("SMARTCAMP_MQTT_TOPIC_FILTER", TopicAddress.telemetryFilter(mission));
        env.put("SMARTCAMP_MQTT_SESSION_EXPIRY", "1m");
        File log = new File("target/cli-ingest.log");
        Process ingest = process(env, "ingest").redirectErrorStream(true).redirectOutput(log).start();
        try {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                .send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-" + mission, 10)) {
                gateway.publish(new TopicAddress(mission, "c1", "gw-1").telemetryTopic(), TelemetryEncoder.encode(
                    new TelemetryBatch(1, ts, List.of(Reading.of(mission + "-gen", "power.active", ts, 42)))));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.queryLong("SELECT count(*) FROM readings r"
                + " JOIN assets a ON a.ref = r.asset_ref WHERE a.id = '" + mission + "-gen'") == 1);
        } finally {
            ingest.destroy();
            assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).as("ingest stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log.toPath())).contains("ingest running", "Ingest stopped")
            .doesNotContain("Exception");
    }

    @Test
    void analyticsOnceRollsUpWhatArrivedAndRunsTheAnalyzers() throws Exception {
        assertThat(run(env(), "migrate").exit).isZero();
        assertThat(run(env(), "inventory", "config/inventory.example.yaml").exit).isZero();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO readings (asset_ref, metric_id, ts, value, received_at) SELECT a.ref, m.id,"
                + " TIMESTAMPTZ '" + hour + "' + g * INTERVAL '1 minute', 1000 + g, now() FROM assets a, metrics m,"
                + " generate_series(0, 119) g WHERE a.id = 'bor1-gen-1' AND m.name = 'energy.active'");
        }

        Run once = run(env(), "analytics", "--once");

        assertThat(once.exit).as(once.err).isZero();
        assertThat(once.out).containsPattern("analytics pass done: rollups: \\d+ hourly bucket\\(s\\) updated")
            .containsPattern("analysis: \\d+ asset\\(s\\)");
        assertThat(db.queryLong("SELECT sum(samples) FROM readings_hourly h JOIN assets a ON a.ref = h.asset_ref"
            + " WHERE a.id = 'bor1-gen-1'")).isEqualTo(120);
        assertThat(db.queryLong("SELECT count(*) FROM analytics_daily WHERE subject_id = 'bor1-gen-1'"
            + " AND figure = 'energy_kwh' AND value > 0")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void analyticsRunsUntilSigtermServingHealthAndMetrics() throws Exception {
        assertThat(run(env(), "migrate").exit).isZero();
        int port = freePort();
        Map<String, String> env = env();
        env.put("SMARTCAMP_ANALYTICS_HTTP_PORT", Integer.toString(port));
        env.put("SMARTCAMP_ANALYTICS_INTERVAL", "1s");
        File log = new File("target/cli-analytics.log");
        Process analytics = process(env, "analytics").redirectErrorStream(true).redirectOutput(log).start();
        try {
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                .send(metrics, HttpResponse.BodyHandlers.ofString()).body()
                .contains("smartcamp_analytics_passes_seconds_count{outcome=\"ok\"}"));
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build();
            assertThat(HttpClient.newHttpClient().send(ready, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        } finally {
            analytics.destroy();
            assertThat(analytics.waitFor(30, TimeUnit.SECONDS)).as("analytics stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(log.toPath())).contains("analytics running", "Analytics job stopped")
            .doesNotContain("Exception");
    }

    /** Exactly one error line saying what is wrong, and no stack trace (log lines may precede it). */
    private static void assertOneErrorLine(Run run, String expected) {
        List<String> errors = run.err.lines().filter(l -> l.startsWith("smartcamp: error: ")).toList();
        assertThat(errors).as("stderr: %s", run.err).hasSize(1);
        assertThat(errors.get(0)).contains(expected);
        assertThat(run.err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTCAMP_DATABASE_URL", db.url());
        env.put("SMARTCAMP_DATABASE_USER", db.user());
        env.put("SMARTCAMP_DATABASE_PASSWORD", db.password());
        env.put("SMARTCAMP_MQTT_URL", TestServices.mqttUrl());
        return env;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = process(env, args).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static ProcessBuilder process(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "bin/smartcamp"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCAMP_") && !k.startsWith("SMARTCAMP_TEST_"));
        // The jar this build made, never one that bin/smartcamp would build again for a source edited since.
        pb.environment().put("SMARTCAMP_JAR", Path.of("target/smartcamp.jar").toAbsolutePath().toString());
        pb.environment().putAll(env);
        return pb;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
