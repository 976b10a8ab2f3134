package org.smartcamp.deploy.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.smartcamp.ingest.mqtt.BrokerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker inside the SmartCamp process, for the demo on a machine without one: HiveMQ Community Edition
 * in embedded mode (Apache-2.0; persistent sessions, QoS 1, shared subscriptions). It listens on the loopback
 * interface only, lets every local client in (embedded HiveMQ allows all when no security extension is installed),
 * keeps sessions in memory, and never drops messages queued for a subscriber that is away (up to a million per
 * client). Not for production: use deploy/mosquitto or a cluster.
 */
public final class EmbeddedBroker implements DemoBroker {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private final EmbeddedHiveMQ hivemq;
    private final Path home;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path home, int port) {
        this.hivemq = hivemq;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port}.
     *
     * @throws BrokerUnavailableException when it cannot start (the port is taken, ...)
     */
    public static EmbeddedBroker start(int port) {
        Path home;
        try {
            home = Files.createTempDirectory("smartcamp-broker");
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(home.resolve("conf/config.xml"), config(port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's directory", e);
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
            .withConfigurationFolder(home.resolve("conf"))
            .withDataFolder(home.resolve("data"))
            .withExtensionsFolder(home.resolve("extensions"))
            .build();
        EmbeddedBroker broker = new EmbeddedBroker(hivemq, home, port);
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            broker.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrokerUnavailableException("cannot start the embedded MQTT broker on 127.0.0.1:" + port + ": "
                + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.close();
            throw new BrokerUnavailableException("interrupted while starting the embedded MQTT broker", e);
        }
        LOG.info("Embedded MQTT broker (HiveMQ CE) listening on tcp://127.0.0.1:{}", port);
        return broker;
    }

    /** Registered under META-INF/services: what {@link DemoBroker#start(int)} finds in the default build. */
    public static final class Factory implements DemoBroker.Factory {
        @Override
        public DemoBroker start(int port) {
            return EmbeddedBroker.start(port);
        }
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker and deletes its in-memory state's directory. */
    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded broker failed: {}", e.getMessage());
        }
        deleteHome();
        LOG.info("Embedded MQTT broker stopped");
    }

    static String config(int port) {
        return """
            <?xml version="1.0"?>
            <hivemq>
                <listeners>
                    <tcp-listener>
                        <port>%d</port>
                        <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                </listeners>
                <mqtt>
                    <queued-messages>
                        <max-queue-size>1000000</max-queue-size>
                        <strategy>discard</strategy>
                    </queued-messages>
                </mqtt>
                <persistence>
                    <mode>in-memory</mode>
                </persistence>
                <anonymous-usage-statistics>
                    <enabled>false</enabled>
                </anonymous-usage-statistics>
            </hivemq>
            """.formatted(port);
    }

    private void deleteHome() {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", home, e.getMessage());
        }
    }
}
