package org.smartcamp.deploy.config;

import java.time.Duration;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;

/**
 * How {@code simulate} and {@code replay} reach the broker: the same {@code mqtt.url}, {@code mqtt.username} and
 * {@code mqtt.password} as the ingest (file, then {@code SMARTCAMP_*} variables), then their command-line options.
 * On a broker with per-gateway users (deploy/mosquitto) the user is a gateway's, {@code {mission}/{camp}/{gateway}}.
 */
public final class PublisherSettings {
    private static final Duration SESSION_EXPIRY = Duration.ofDays(1);
    private static final int MAX_INFLIGHT = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PublisherSettings() {
    }

    /**
     * @param urlOption      {@code --mqtt-url}, or null to keep {@code mqtt.url}
     * @param usernameOption {@code --mqtt-username}, or null to keep {@code mqtt.username}
     * @throws ConfigException when the URL is not an MQTT URL
     */
    public static MqttPublisherConfig publisher(Settings s, String urlOption, String usernameOption) {
        String url = urlOption != null ? IngestSettings.checkMqttUrl(urlOption, "--mqtt-url")
            : IngestSettings.checkMqttUrl(s.text(ConfigKey.MQTT_URL), s.source(ConfigKey.MQTT_URL));
        String username = usernameOption != null ? usernameOption : s.optionalText(ConfigKey.MQTT_USERNAME);
        return new MqttPublisherConfig(url, "smartcamp-sim-", username, s.optionalText(ConfigKey.MQTT_PASSWORD),
            SESSION_EXPIRY, MAX_INFLIGHT, TIMEOUT);
    }
}
