package org.smartcamp.ingest;

import java.util.Objects;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.RegistrationPolicy;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.ingest.wire.sparkplug.SparkplugConfig;

/**
 * Everything an ingest process is configured with; built by the launcher, never read from the environment here.
 *
 * @param database       the store
 * @param mqtt           the broker and subscription
 * @param batch          batching and retry
 * @param limits         the wire contract's limits
 * @param httpHost       interface of the health and metrics endpoints
 * @param httpPort       their port (0 picks a free one)
 * @param migrateOnStart apply pending schema migrations before consuming
 * @param registration   what telemetry may register on its own (auto-registration, hourly quotas)
 * @param sparkplug      whether and how the ingest reads Sparkplug B (off by default)
 */
public record IngestConfig(DatabaseConfig database, MqttConfig mqtt, BatchConfig batch, WireLimits limits,
                           String httpHost, int httpPort, boolean migrateOnStart, RegistrationPolicy registration,
                           SparkplugConfig sparkplug) {

    /** A config without Sparkplug B. */
    public IngestConfig(DatabaseConfig database, MqttConfig mqtt, BatchConfig batch, WireLimits limits,
                        String httpHost, int httpPort, boolean migrateOnStart, RegistrationPolicy registration) {
        this(database, mqtt, batch, limits, httpHost, httpPort, migrateOnStart, registration,
            SparkplugConfig.DISABLED);
    }

    /** A config with the {@link RegistrationPolicy#DEFAULT default registration policy}. */
    public IngestConfig(DatabaseConfig database, MqttConfig mqtt, BatchConfig batch, WireLimits limits,
                        String httpHost, int httpPort, boolean migrateOnStart) {
        this(database, mqtt, batch, limits, httpHost, httpPort, migrateOnStart, RegistrationPolicy.DEFAULT);
    }

    /** This config with Sparkplug B set as given. */
    public IngestConfig withSparkplug(SparkplugConfig sparkplug) {
        return new IngestConfig(database, mqtt, batch, limits, httpHost, httpPort, migrateOnStart, registration,
            sparkplug);
    }

    public IngestConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(sparkplug, "sparkplug");
        if (sparkplug.enabled() && sparkplug.seenMessages() < 2 * mqtt.receiveMaximum()) {
            // a crash may leave up to receiveMaximum committed messages unacknowledged, and as many decoded ones
            throw new IllegalArgumentException("the Sparkplug seen-message window (" + sparkplug.seenMessages()
                + ") must be at least twice mqtt.receiveMaximum (" + mqtt.receiveMaximum() + ")");
        }
        Objects.requireNonNull(httpHost, "httpHost");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("http port must be between 0 and 65535");
        }
    }
}
