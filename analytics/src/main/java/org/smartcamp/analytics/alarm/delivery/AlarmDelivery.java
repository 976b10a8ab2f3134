package org.smartcamp.analytics.alarm.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.DoubleSupplier;
import javax.sql.DataSource;

/**
 * What an analytics process needs to deliver the alarm outbox: the dispatcher's settings and the configured
 * channels (webhook and MQTT always, e-mail when an SMTP server is configured).
 *
 * @param config   polling and retry settings
 * @param channels the channels, at most one per type
 * @param jitter   uniform random values in [0, 1) for the backoff's full jitter
 */
public record AlarmDelivery(DeliveryConfig config, List<Channel> channels, DoubleSupplier jitter) {

    public AlarmDelivery {
        channels = List.copyOf(channels);
    }

    /** The dispatcher over {@code dataSource}, its meters in {@code registry}; not started. */
    public OutboxDispatcher dispatcher(DataSource dataSource, MeterRegistry registry, Clock clock) {
        return new OutboxDispatcher(dataSource, channels, config,
            new Backoff(config.backoffBase(), config.backoffCap(), jitter),
            new MicrometerAlarmDeliveryMetrics(registry, clock), clock);
    }
}
