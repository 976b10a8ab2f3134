package org.smartcamp.analytics.alarm.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * MQTT notifications: the payload JSON published with QoS 1 and retain off on the row's topic
 * ({@code smartcamp/alarms/<mission>/<camp>}), with MQTT 5 properties content type {@code application/json} and the
 * user property {@code idempotency-key}. Delivered once the broker acknowledges (PUBACK); a broker that is away, or
 * refuses the publish (not authorized), retries.
 */
public final class MqttChannel implements Channel {
    public static final String TYPE = "mqtt";
    private static final int QOS = 1;

    /**
     * Where and as whom to publish.
     *
     * @param url      the broker, e.g. {@code tcp://127.0.0.1:1883}
     * @param clientId the client id (one per analytics process)
     * @param username the broker user, or null
     * @param password its password, or null; never logged
     * @param timeout  connect and acknowledgement timeout
     */
    public record Config(String url, String clientId, String username, String password, Duration timeout) {
        @Override
        public String toString() {
            return "MqttChannel.Config[" + url + ", " + clientId + ", user " + username + "]";
        }
    }

    private final Config config;
    private MqttClient client;

    public MqttChannel(Config config) {
        this.config = config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public synchronized DeliveryOutcome deliver(Notification n) {
        if (!n.target().matches("[^#+\\u0000]+")) {
            return DeliveryOutcome.fail("'" + n.target() + "' is not an MQTT topic to publish to");
        }
        try {
            MqttMessage message = new MqttMessage(n.body().getBytes(StandardCharsets.UTF_8), QOS, false, null);
            MqttProperties properties = new MqttProperties();
            properties.setContentType("application/json");
            properties.setPayloadFormat(true);
            properties.setUserProperties(List.of(new UserProperty("idempotency-key", n.idempotencyKey()),
                new UserProperty("event", n.eventType())));
            message.setProperties(properties);
            connected().publish(n.target(), message);
            return DeliveryOutcome.delivered();
        } catch (MqttException e) {
            disconnect();
            return DeliveryOutcome.retry("MQTT broker " + config.url() + ": " + e.getMessage()
                + " (reason code " + e.getReasonCode() + ")");
        }
    }

    private MqttClient connected() throws MqttException {
        if (client == null || !client.isConnected()) {
            disconnect();
            MqttClient c = new MqttClient(config.url(), config.clientId(), new MemoryPersistence());
            c.setTimeToWait(config.timeout().toMillis());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            options.setConnectionTimeout((int) Math.max(1, config.timeout().toSeconds()));
            options.setKeepAliveInterval(60);
            if (config.username() != null && !config.username().isEmpty()) {
                options.setUserName(config.username());
            }
            if (config.password() != null && !config.password().isEmpty()) {
                options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
            }
            try {
                c.connect(options);
            } catch (MqttException e) {
                c.close(true);
                throw e;
            }
            client = c;
        }
        return client;
    }

    private void disconnect() {
        MqttClient c = client;
        client = null;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(config.timeout().toMillis());
                }
                c.close(true);
            } catch (MqttException e) {
                // Closing a client that failed: nothing more to release.
                client = null;
            }
        }
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
