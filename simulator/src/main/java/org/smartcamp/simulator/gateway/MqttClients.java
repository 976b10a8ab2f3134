package org.smartcamp.simulator.gateway;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;

/** What the simulator's MQTT publishers (SmartCamp JSON gateways and Sparkplug edge nodes) connect and wait with. */
final class MqttClients {
    private static final long POLL_MS = 50;

    private MqttClients() {
    }

    /**
     * Clean start on every (re)connection, automatic reconnects, the configured credentials. Paho 1.2.5 replaces the
     * topic of a QoS 1 publish by a topic alias when the broker allows aliases, and after a reconnect into the old
     * session it resends its unacknowledged publishes with that alias only; aliases do not outlive a connection, so
     * the broker refuses them as a protocol error and the client never gets through again (seen with Mosquitto
     * 2.0.11 restarted under load). A publisher's session holds nothing else of value: Paho fails the tokens of the
     * lost publishes and the publishers send them again, at worst twice, which the store keeps once.
     */
    static MqttConnectionOptions options(MqttPublisherConfig config) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setConnectionTimeout((int) Math.max(1, config.timeout().toSeconds()));
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (config.password() != null) {
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    /** Waits a little before looking at the broker again. */
    static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetrySinkException("interrupted while waiting for the broker", e);
        }
    }

    /** Disconnects (when connected) and releases the client; a failure only matters to the log. */
    static void disconnect(MqttAsyncClient client, MqttPublisherConfig config, Logger log) {
        try {
            if (client.isConnected()) {
                client.disconnect(config.timeout().toMillis()).waitForCompletion(config.timeout().toMillis());
            }
            client.close(true);
        } catch (MqttException e) {
            log.debug("Closing {} failed: {}", client.getClientId(), e.getMessage());
        }
    }

    /** Closes every one of {@code publishers}, then throws the first failure, if any. */
    static <T> void closeAll(Iterable<T> publishers, Consumer<T> close) {
        TelemetrySinkException first = null;
        for (T p : publishers) {
            try {
                close.accept(p);
            } catch (TelemetrySinkException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The most telling message of a Paho failure. */
    static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    }
}
