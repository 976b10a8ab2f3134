package org.smartcamp.deploy.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.deploy.broker.DemoBroker;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.PublisherSettings;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's components, in start order: the embedded broker (only when {@code mqtt.url} is not configured), the
 * database (created if missing, migrated, the camp's inventory registered), the ingest, the analytics job and the
 * API server ({@link #services}), and last the simulated camp that feeds them.
 */
public final class DemoPlan {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlan.class);

    private DemoPlan() {
    }

    /**
     * The components for {@code settings}; the embedded broker takes a free port when the wanted one is busy.
     *
     * @throws org.smartcamp.deploy.config.ConfigException for a bad configuration
     */
    public static List<DemoComponent> components(Settings settings, DemoOptions options, Clock clock) {
        IngestConfig ingest = IngestSettings.ingest(settings);
        List<DemoComponent> out = new ArrayList<>();
        if ("default".equals(settings.source(ConfigKey.MQTT_URL))) {
            if (!DemoBroker.available()) {
                throw new ConfigException(DemoBroker.ABSENT);
            }
            int port = portOrFree(options.brokerPort(), "the embedded broker");
            out.add(new BrokerComponent(port));
            ingest = withBroker(ingest, "tcp://127.0.0.1:" + port);
        }
        // The camp publishes to the ingest's broker with the configured broker credentials, as `simulate` does.
        SimulatedCamp camp = SimulatedCamp.of(options.scenario(), options.history(), options.live(),
            PublisherSettings.publisher(settings, ingest.mqtt().serverUri(), null), clock);
        out.add(new DatabaseStep(ingest.database(), camp.inventory()));
        out.add(new IngestComponent(ingest, clock));
        out.addAll(services(new DemoContext(settings, ingest), clock));
        out.add(camp);
        return out;
    }

    /**
     * The analytics job and the API server (with the dashboard and the demo login): they start after the ingest and
     * before the simulated camp, and stop in reverse order (the API first, then the analytics job, which finishes its
     * pass in flight).
     */
    static List<DemoComponent> services(DemoContext context, Clock clock) {
        return List.of(new AnalyticsComponent(context, clock), new ApiComponent(context, clock));
    }

    static IngestConfig withBroker(IngestConfig c, String url) {
        MqttConfig m = c.mqtt();
        MqttConfig moved = new MqttConfig(url, m.clientId(), m.username(), m.password(), m.topicFilter(),
            m.sharedGroup(), m.sessionExpiry(), m.receiveMaximum(), m.keepAlive(), m.connectTimeout());
        return new IngestConfig(c.database(), moved, c.batch(), c.limits(), c.httpHost(), c.httpPort(),
            c.migrateOnStart(), c.registration(), c.sparkplug());
    }

    /** {@code wanted} when it is free on the loopback interface, else a free port ({@code what} listens on it). */
    static int portOrFree(int wanted, String what) {
        try (ServerSocket s = new ServerSocket(wanted, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException busy) {
            try (ServerSocket s = new ServerSocket(0)) {
                LOG.info("Port {} is taken: {} listens on {} instead", wanted, what, s.getLocalPort());
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port for " + what, e);
            }
        }
    }

    /**
     * What the {@code demo} command asks for.
     *
     * @param scenario   the simulated camp: a bundled scenario name or a scenario file
     * @param history    how much history the camp back-fills before going live
     * @param live       how long it then runs live
     * @param brokerPort port of the embedded broker
     */
    public record DemoOptions(String scenario, Duration history, Duration live, int brokerPort) {
    }
}
