package org.smartcamp.deploy.config;

import static org.smartcamp.deploy.config.ConfigKey.DATABASE_MIGRATE_ON_START;
import static org.smartcamp.deploy.config.ConfigKey.DATABASE_PASSWORD;
import static org.smartcamp.deploy.config.ConfigKey.DATABASE_PERSONAL_RETENTION;
import static org.smartcamp.deploy.config.ConfigKey.DATABASE_POOL_SIZE;
import static org.smartcamp.deploy.config.ConfigKey.DATABASE_RETENTION;
import static org.smartcamp.deploy.config.ConfigKey.DATABASE_URL;
import static org.smartcamp.deploy.config.ConfigKey.DATABASE_USER;

import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.RegistrationPolicy;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.ingest.wire.sparkplug.SparkplugConfig;

/** Builds the immutable configuration records of the modules from resolved {@link Settings}. */
public final class IngestSettings {
    private IngestSettings() {
    }

    /** The database settings. */
    public static DatabaseConfig database(Settings s) {
        String url = s.text(DATABASE_URL);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("database.url (from " + s.source(DATABASE_URL) + ") is '" + url
                + "'; expected a jdbc:postgresql:// URL");
        }
        return new DatabaseConfig(url, s.text(DATABASE_USER), s.text(DATABASE_PASSWORD),
            s.integer(DATABASE_POOL_SIZE, 1, 200), s.optionalDuration(DATABASE_RETENTION),
            s.duration(DATABASE_PERSONAL_RETENTION));
    }

    /** The broker settings. */
    public static MqttConfig mqtt(Settings s) {
        String url = checkMqttUrl(s.text(ConfigKey.MQTT_URL), s.source(ConfigKey.MQTT_URL));
        try {
            return new MqttConfig(url, s.text(ConfigKey.MQTT_CLIENT_ID), s.optionalText(ConfigKey.MQTT_USERNAME),
                s.optionalText(ConfigKey.MQTT_PASSWORD), s.optionalText(ConfigKey.MQTT_TOPIC_FILTER),
                s.optionalText(ConfigKey.MQTT_SHARED_GROUP), s.duration(ConfigKey.MQTT_SESSION_EXPIRY),
                s.integer(ConfigKey.MQTT_RECEIVE_MAXIMUM, 1, 65_535), s.duration(ConfigKey.MQTT_KEEP_ALIVE),
                s.duration(ConfigKey.MQTT_CONNECT_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("mqtt: " + e.getMessage());
        }
    }

    /** {@code url} when it is an MQTT URL; else a {@link ConfigException} naming {@code source}. */
    static String checkMqttUrl(String url, String source) {
        if (!url.matches("(tcp|ssl|ws|wss)://.+")) {
            throw new ConfigException("mqtt.url (from " + source + ") is '" + url
                + "'; expected tcp://host:port or ssl://host:port");
        }
        return url;
    }

    /** Everything the ingest needs. */
    public static IngestConfig ingest(Settings s) {
        DatabaseConfig database = database(s);
        int writers = s.integer(ConfigKey.INGEST_WRITERS, 1, 16);
        if ("default".equals(s.source(ConfigKey.INGEST_WRITERS))) {
            // a small pool set on purpose (an edge node) keeps one connection beside the writers
            writers = Math.max(1, Math.min(writers, database.poolSize() - 1));
        }
        if (writers >= database.poolSize() && database.poolSize() > 1) {
            // each open batch holds a connection; the registry and the health check need one more
            throw new ConfigException("ingest.writers is " + writers + " but database.poolSize is "
                + database.poolSize() + "; the ingest needs at least one connection more than it has writers");
        }
        BatchConfig batch = new BatchConfig(s.integer(ConfigKey.INGEST_BATCH_SIZE, 1, 100_000),
            s.duration(ConfigKey.INGEST_BATCH_DELAY), s.duration(ConfigKey.INGEST_RETRY_BACKOFF),
            s.duration(ConfigKey.INGEST_STUCK_AFTER), writers);
        WireLimits limits = new WireLimits(s.integer(ConfigKey.WIRE_MAX_PAYLOAD_BYTES, 1_024, 16 * 1024 * 1024),
            s.integer(ConfigKey.WIRE_MAX_READINGS, 1, 100_000), s.duration(ConfigKey.WIRE_MAX_AGE),
            s.duration(ConfigKey.WIRE_MAX_FUTURE_SKEW), s.decimal(ConfigKey.WIRE_MAX_ABS_VALUE));
        MqttConfig mqtt = mqtt(s);
        return new IngestConfig(database, mqtt, batch, limits, s.text(ConfigKey.INGEST_HTTP_HOST),
            s.integer(ConfigKey.INGEST_HTTP_PORT, 0, 65_535), s.bool(DATABASE_MIGRATE_ON_START), registration(s),
            sparkplug(s, mqtt.receiveMaximum()));
    }

    /** Whether and how the ingest reads Sparkplug B; the digest window follows the receive maximum. */
    public static SparkplugConfig sparkplug(Settings s, int receiveMaximum) {
        try {
            return new SparkplugConfig(s.bool(ConfigKey.SPARKPLUG_ENABLED), s.text(ConfigKey.SPARKPLUG_HOST_ID),
                s.optionalText(ConfigKey.SPARKPLUG_GROUP), s.duration(ConfigKey.SPARKPLUG_REBIRTH_INTERVAL),
                Math.max(10_000, 4 * receiveMaximum), s.bool(ConfigKey.SPARKPLUG_RETAIN_STATE));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The default auto-registration of camps and the hourly registration quotas. */
    public static RegistrationPolicy registration(Settings s) {
        int max = Integer.MAX_VALUE;
        return new RegistrationPolicy(s.bool(ConfigKey.INGEST_AUTO_REGISTER_ASSETS),
            s.integer(ConfigKey.INGEST_QUOTA_METRICS_PER_GATEWAY, 0, max),
            s.integer(ConfigKey.INGEST_QUOTA_METRICS_PER_CAMP, 0, max),
            s.integer(ConfigKey.INGEST_QUOTA_ASSETS_PER_GATEWAY, 0, max),
            s.integer(ConfigKey.INGEST_QUOTA_ASSETS_PER_CAMP, 0, max));
    }
}
