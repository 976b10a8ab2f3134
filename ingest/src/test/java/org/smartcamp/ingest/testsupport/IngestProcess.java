package org.smartcamp.ingest.testsupport;

import java.time.Clock;
import java.time.Duration;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * An ingest in a JVM of its own, so a test can kill it with SIGKILL (no shutdown hook, no clean disconnect).
 * Arguments: dbUrl dbUser dbPassword mqttUrl clientId topicFilter httpPort [receiveMaximum maxPayloadBytes].
 */
public final class IngestProcess {
    private IngestProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config = config(args[0], args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]));
        if (args.length > 8) {
            config = withLimits(config, Integer.parseInt(args[7]), Integer.parseInt(args[8]));
        }
        IngestService service = new IngestService(config, Clock.systemUTC());
        service.start();
        Thread.currentThread().join();
    }

    /** {@code config} with another receive maximum and payload limit. */
    public static IngestConfig withLimits(IngestConfig config, int receiveMaximum, int maxPayloadBytes) {
        MqttConfig m = config.mqtt();
        WireLimits l = config.limits();
        return new IngestConfig(config.database(), new MqttConfig(m.serverUri(), m.clientId(), m.username(),
            m.password(), m.topicFilter(), m.sharedGroup(), m.sessionExpiry(), receiveMaximum, m.keepAlive(),
            m.connectTimeout()), config.batch(), new WireLimits(maxPayloadBytes, l.maxReadingsPerMessage(), l.maxAge(),
            l.maxFutureSkew(), l.maxAbsValue()), config.httpHost(), config.httpPort(), config.migrateOnStart(),
            config.registration());
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
