package org.smartcamp.deploy.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.smartcamp.analytics.alarm.delivery.AlarmDelivery;
import org.smartcamp.analytics.alarm.delivery.Channel;
import org.smartcamp.analytics.alarm.delivery.DeliveryConfig;
import org.smartcamp.analytics.alarm.delivery.DeliveryConfigException;
import org.smartcamp.analytics.alarm.delivery.EmailChannel;
import org.smartcamp.analytics.alarm.delivery.MqttChannel;
import org.smartcamp.analytics.alarm.delivery.Secrets;
import org.smartcamp.analytics.alarm.delivery.SmtpConfig;
import org.smartcamp.analytics.alarm.delivery.WebhookChannel;

/** Builds the alarm dispatcher's settings and channels ({@code alarms.*} keys) from resolved {@link Settings}. */
public final class AlarmDeliverySettings {
    private static final Duration MQTT_TIMEOUT = Duration.ofSeconds(10);

    private AlarmDeliverySettings() {
    }

    /**
     * The delivery of the analytics process, or empty when {@code alarms.delivery.enabled} is false.
     *
     * @param environment the process environment, where {@code env:NAME} secrets are read
     * @throws ConfigException naming the key when a value is invalid
     */
    public static Optional<AlarmDelivery> delivery(Settings s, Map<String, String> environment, Clock clock) {
        if (!s.bool(ConfigKey.ALARMS_DELIVERY_ENABLED)) {
            return Optional.empty();
        }
        DeliveryConfig config = config(s);
        Secrets secrets = Secrets.of(environment);
        List<Channel> channels = new ArrayList<>();
        channels.add(new WebhookChannel(s.duration(ConfigKey.ALARMS_WEBHOOK_TIMEOUT), secrets, clock));
        smtp(s, secrets).ifPresent(smtp -> channels.add(new EmailChannel(smtp)));
        channels.add(new MqttChannel(mqtt(s)));
        RandomGenerator random = new SecureRandom();
        return Optional.of(new AlarmDelivery(config, channels, random::nextDouble));
    }

    static DeliveryConfig config(Settings s) {
        Duration base = s.duration(ConfigKey.ALARMS_DELIVERY_BACKOFF_BASE);
        Duration cap = s.duration(ConfigKey.ALARMS_DELIVERY_BACKOFF_CAP);
        if (cap.compareTo(base) < 0) {
            throw new ConfigException(ConfigKey.ALARMS_DELIVERY_BACKOFF_CAP.key() + " (" + s.text(
                ConfigKey.ALARMS_DELIVERY_BACKOFF_CAP) + ") must not be shorter than "
                + ConfigKey.ALARMS_DELIVERY_BACKOFF_BASE.key() + " (" + s.text(ConfigKey.ALARMS_DELIVERY_BACKOFF_BASE)
                + ")");
        }
        return new DeliveryConfig(s.duration(ConfigKey.ALARMS_DELIVERY_POLL_INTERVAL), base, cap,
            s.integer(ConfigKey.ALARMS_DELIVERY_MAX_ATTEMPTS, 1, 1_000), s.duration(ConfigKey.ALARMS_DELIVERY_MAX_AGE));
    }

    /** The SMTP settings, or empty when {@code alarms.smtp.host} is empty (e-mail off). */
    static Optional<SmtpConfig> smtp(Settings s, Secrets secrets) {
        String host = s.optionalText(ConfigKey.ALARMS_SMTP_HOST);
        if (host == null) {
            return Optional.empty();
        }
        SmtpConfig.StartTls startTls = SmtpConfig.StartTls.parse(ConfigKey.ALARMS_SMTP_STARTTLS.key(),
            s.choice(ConfigKey.ALARMS_SMTP_STARTTLS, "required", "optional", "off"));
        String password = s.optionalText(ConfigKey.ALARMS_SMTP_PASSWORD);
        if (password != null && password.startsWith("env:")) {
            try {
                password = secrets.resolve(ConfigKey.ALARMS_SMTP_PASSWORD.key(), password).orElseThrow(
                    () -> new ConfigException(ConfigKey.ALARMS_SMTP_PASSWORD.key() + " names an environment variable "
                        + "that is not set"));
            } catch (DeliveryConfigException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        SmtpConfig smtp = new SmtpConfig(host, s.integer(ConfigKey.ALARMS_SMTP_PORT, 1, 65_535),
            s.optionalText(ConfigKey.ALARMS_SMTP_USERNAME), password, s.text(ConfigKey.ALARMS_SMTP_FROM), startTls,
            s.duration(ConfigKey.ALARMS_SMTP_TIMEOUT));
        try {
            EmailChannel.address(ConfigKey.ALARMS_SMTP_FROM.key(), smtp.from());
        } catch (DeliveryConfigException e) {
            throw new ConfigException(e.getMessage());
        }
        return Optional.of(smtp);
    }

    static MqttChannel.Config mqtt(Settings s) {
        String url = Optional.ofNullable(s.optionalText(ConfigKey.ALARMS_MQTT_URL)).orElse(s.text(ConfigKey.MQTT_URL));
        String user = s.optionalText(ConfigKey.ALARMS_MQTT_USERNAME);
        String password = user != null ? s.optionalText(ConfigKey.ALARMS_MQTT_PASSWORD)
            : s.optionalText(ConfigKey.MQTT_PASSWORD);
        if (user == null) {
            user = s.optionalText(ConfigKey.MQTT_USERNAME);
        }
        // Clean sessions only: a random id per process is safe, and two processes never take each other's.
        String clientId = Optional.ofNullable(s.optionalText(ConfigKey.ALARMS_MQTT_CLIENT_ID))
            .orElse("smartcamp-alarms-" + UUID.randomUUID().toString().substring(0, 8));
        return new MqttChannel.Config(url, clientId, user, password, MQTT_TIMEOUT);
    }
}
