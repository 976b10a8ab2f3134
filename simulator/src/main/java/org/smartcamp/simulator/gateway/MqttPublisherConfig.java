package org.smartcamp.simulator.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How simulated gateways connect to the broker.
 *
 * @param serverUri      e.g. {@code tcp://127.0.0.1:1883}
 * @param clientIdPrefix each gateway's client id is this prefix plus {@code mission-camp-gateway}; stable, as a
 *                       real gateway's is
 * @param username       broker user, or {@code null}
 * @param password       broker password, or {@code null}; never logged
 * @param sessionExpiry  how long the broker keeps a gateway's session after it disconnects (each connection
 *                       starts clean, so this only matters to what the broker holds meanwhile)
 * @param maxInflight    most unacknowledged messages per gateway (also capped by the broker's receive maximum)
 * @param timeout        how long to wait for the broker (connect, window, final acknowledgements)
 */
public record MqttPublisherConfig(String serverUri, String clientIdPrefix, String username, String password,
                                  Duration sessionExpiry, int maxInflight, Duration timeout) {

    public MqttPublisherConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("max inflight must be between 1 and 65535");
        }
    }

    /** Defaults: prefix {@code smartcamp-sim-}, no credentials, one day of session, 20 in flight, 30 s. */
    public static MqttPublisherConfig of(String serverUri) {
        return new MqttPublisherConfig(serverUri, "smartcamp-sim-", null, null, Duration.ofDays(1), 20,
            Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "MqttPublisherConfig[serverUri=" + serverUri + ", clientIdPrefix=" + clientIdPrefix + ", maxInflight="
            + maxInflight + "]";
    }
}
