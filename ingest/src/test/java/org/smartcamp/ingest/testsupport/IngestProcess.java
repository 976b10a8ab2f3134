package org.smartcamp.ingest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.ingest.wire.sparkplug.SparkplugConfig;

/**
 * An ingest in a JVM of its own, so a test can kill it with SIGKILL (no shutdown hook, no clean disconnect).
 * Arguments: dbUrl dbUser dbPassword mqttUrl clientId topicFilter httpPort [receiveMaximum maxPayloadBytes].
 */
public final class IngestProcess {
    /** System property: when set, the ingest also reads Sparkplug B, as the primary host of this id. */
    public static final String SPARKPLUG_HOST = "smartcamp.test.sparkplugHost";

    private IngestProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config = config(args[0], args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]));
        if (args.length > 8) {
            config = withLimits(config, Integer.parseInt(args[7]), Integer.parseInt(args[8]));
        }
        String sparkplugHost = System.getProperty(SPARKPLUG_HOST);
        if (sparkplugHost != null) {
            config = config.withSparkplug(SparkplugConfig.enabled(sparkplugHost));
        }
        IngestService service = new IngestService(config, Clock.systemUTC());
        service.start();
        Thread.currentThread().join();
    }

    /**
     * Starts an ingest in a JVM of its own and waits until its readiness is UP; the log goes to
     * {@code target/ingest-process-{name}.log}.
     *
     * @param jvmOptions options before the class name (e.g. {@code -D}{@link #SPARKPLUG_HOST}{@code =host})
     */
    public static Process spawn(TestDatabase db, String clientId, String topicFilter, String name,
                                List<String> jvmOptions, Duration settle) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IngestProcess.class.getName(), db.url(),
            db.user(), db.password(), TestServices.mqttUrl(), clientId, topicFilter, Integer.toString(port)));
        File log = new File(System.getenv().getOrDefault("SMARTCAMP_TEST_BUILD_DIR", "target"),
            "ingest-process-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build();
        await().atMost(settle).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("ingest process alive (see %s)", log).isTrue();
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return process;
    }

    /** {@code config} with another receive maximum and payload limit. */
    public static IngestConfig withLimits(IngestConfig config, int receiveMaximum, int maxPayloadBytes) {
        MqttConfig m = config.mqtt();
        WireLimits l = config.limits();
        return new IngestConfig(config.database(), new MqttConfig(m.serverUri(), m.clientId(), m.username(),
            m.password(), m.topicFilter(), m.sharedGroup(), m.sessionExpiry(), receiveMaximum, m.keepAlive(),
            m.connectTimeout()), config.batch(), new WireLimits(maxPayloadBytes, l.maxReadingsPerMessage(), l.maxAge(),
            l.maxFutureSkew(), l.maxAbsValue()), config.httpHost(), config.httpPort(), config.migrateOnStart(),
            config.registration(), config.sparkplug());
    }

    /** The configuration tests use: small batches so that a kill always finds some in flight. */
    public static IngestConfig config(String dbUrl, String user, String password, String mqttUrl, String clientId,
                                      String topicFilter, int httpPort) {
        MqttConfig mqtt = new MqttConfig(mqttUrl, clientId, null, null, topicFilter, null, Duration.ofMinutes(10),
            200, Duration.ofSeconds(30), Duration.ofSeconds(10));
        return new IngestConfig(new DatabaseConfig(dbUrl, user, password, 2, null), mqtt,
            new BatchConfig(500, Duration.ofMillis(50), Duration.ofMillis(200)), WireLimits.V1, "127.0.0.1",
            httpPort, false);
    }
}
