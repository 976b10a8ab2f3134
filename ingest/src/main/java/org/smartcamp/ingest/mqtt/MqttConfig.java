package org.smartcamp.ingest.mqtt;

import java.time.Duration;
import java.util.Objects;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * How the ingest connects to the broker.
 *
 * @param serverUri      e.g. {@code tcp://127.0.0.1:1883} or {@code ssl://broker:8883}
 * @param clientId       stable per ingest replica, so its persistent session survives restarts
 * @param username       broker user, or {@code null}
 * @param password       broker password, or {@code null}; never logged
 * @param topicFilter    telemetry filter, by default every mission's telemetry
 * @param sharedGroup    MQTT 5 shared subscription group ({@code $share/{group}/...}), or {@code null} for none
 * @param sessionExpiry  how long the broker keeps the session (and queues messages) while the ingest is away
 * @param receiveMaximum most unacknowledged messages the broker may send at once: the ingest's memory bound
 * @param keepAlive      MQTT keep-alive interval
 * @param connectTimeout how long to wait for the broker at start
 */
public record MqttConfig(String serverUri, String clientId, String username, String password, String topicFilter,
                         String sharedGroup, Duration sessionExpiry, int receiveMaximum, Duration keepAlive,
                         Duration connectTimeout) {

    public MqttConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        topicFilter = topicFilter == null || topicFilter.isBlank() ? TopicAddress.telemetryFilter(null) : topicFilter;
        sharedGroup = sharedGroup == null || sharedGroup.isBlank() ? null : sharedGroup;
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receive maximum must be between 1 and 65535");
        }
        if (sharedGroup != null && !sharedGroup.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("shared subscription group must be letters, digits, '-' or '_'");
        }
    }

    /** A config with the defaults for everything but where the broker is and who we are. */
    public static MqttConfig of(String serverUri, String clientId) {
        return new MqttConfig(serverUri, clientId, null, null, null, null, Duration.ofDays(7), 1_000,
            Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** A copy subscribing to {@code filter}. */
    public MqttConfig withTopicFilter(String filter) {
        return new MqttConfig(serverUri, clientId, username, password, filter, sharedGroup, sessionExpiry,
            receiveMaximum, keepAlive, connectTimeout);
    }

    /** A copy in the shared subscription group {@code group}. */
    public MqttConfig withSharedGroup(String group) {
        return new MqttConfig(serverUri, clientId, username, password, topicFilter, group, sessionExpiry,
            receiveMaximum, keepAlive, connectTimeout);
    }

    /** The filter as subscribed: with the {@code $share/{group}/} prefix when a group is set. */
    public String subscription() {
        return sharedGroup == null ? topicFilter : "$share/" + sharedGroup + "/" + topicFilter;
    }

    @Override
    public String toString() {
        return "MqttConfig[serverUri=" + serverUri + ", clientId=" + clientId + ", subscription=" + subscription()
            + ", receiveMaximum=" + receiveMaximum + "]";
    }
}
