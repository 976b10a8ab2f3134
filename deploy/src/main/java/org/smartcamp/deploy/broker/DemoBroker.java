package org.smartcamp.deploy.broker;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The MQTT broker that the demo starts inside its own process when no broker is configured. Its implementation
 * (HiveMQ CE embedded, {@code deploy/src/demo-broker}) is part of the default build only: the production build
 * ({@code -Dsmartcamp.production}, what the container image ships) leaves it and its libraries out, and then
 * {@link #start(int)} says so (docs/release.md).
 */
public interface DemoBroker extends AutoCloseable {

    /** The URL clients connect to. */
    String url();

    /** Stops the broker and forgets its state. */
    @Override
    void close();

    /** Makes a broker: the embedded implementation registers one under META-INF/services. */
    interface Factory {
        /** Starts a broker on {@code 127.0.0.1:port}. */
        DemoBroker start(int port);
    }

    /**
     * Starts the embedded broker on {@code 127.0.0.1:port}.
     *
     * @throws IllegalStateException when this build carries no embedded broker (a production build)
     */
    static DemoBroker start(int port) {
        return factory().orElseThrow(() -> new IllegalStateException(ABSENT)).start(port);
    }

    /** Whether this build carries the embedded broker. */
    static boolean available() {
        return factory().isPresent();
    }

    /** What to do without the embedded broker. */
    String ABSENT = "this SmartCamp build has no embedded MQTT broker (a production build leaves it out): start a "
        + "broker (deploy/mosquitto) and give the demo its URL in mqtt.url "
        + "(e.g. SMARTCAMP_MQTT_URL=tcp://127.0.0.1:1883)";

    private static Optional<Factory> factory() {
        try {
            return ServiceLoader.load(Factory.class).findFirst();
        } catch (ServiceConfigurationError e) {
            // a registration left behind without its class (a production build over a default one, not cleaned)
            return Optional.empty();
        }
    }
}
