package org.smartcamp.analytics.alarm.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The dispatcher's meters, all created here, named {@code smartcamp.alarm.*}. */
public final class MicrometerAlarmDeliveryMetrics implements AlarmDeliveryMetrics {
    /** The outbox's channel values. */
    public static final List<String> CHANNELS = List.of("webhook", "email", "mqtt");

    private final Map<String, Map<String, Counter>> counters = new HashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestCreated = new AtomicReference<>();
    private final AtomicReference<Instant> oldestDue = new AtomicReference<>();

    public MicrometerAlarmDeliveryMetrics(MeterRegistry registry, Clock clock) {
        outcome(registry, "sent", "Notifications delivered");
        outcome(registry, "retried", "Delivery attempts that failed and were scheduled again");
        outcome(registry, "failed", "Notifications marked failed (deterministic failure, or attempts or age "
            + "exhausted)");
        outcome(registry, "suppressed", "Notifications suppressed by their rule's rate limit");
        outcome(registry, "deferred", "Notifications deferred to the end of their rule's quiet hours");
        Gauge.builder("smartcamp.alarm.outbox.pending", pending, AtomicLong::get)
            .description("Notifications waiting in the outbox (due, retrying or deferred)").register(registry);
        Gauge.builder("smartcamp.alarm.outbox.oldest.pending.age", oldestCreated, r -> age(r, clock))
            .description("Time since the oldest pending notification's transition was committed (0 when none)")
            .baseUnit("seconds").register(registry);
        Gauge.builder("smartcamp.alarm.outbox.due.lag", oldestDue, r -> age(r, clock))
            .description("How long the longest-waiting due notification has waited for a dispatcher (0 when none);"
                + " grows when no dispatcher runs or it cannot keep up")
            .baseUnit("seconds").register(registry);
    }

    private void outcome(MeterRegistry registry, String outcome, String description) {
        Map<String, Counter> byChannel = new HashMap<>();
        for (String channel : CHANNELS) {
            byChannel.put(channel, Counter.builder("smartcamp.alarm.notifications." + outcome)
                .description(description).tag("channel", channel).register(registry));
        }
        counters.put(outcome, byChannel);
    }

    private static double age(AtomicReference<Instant> ref, Clock clock) {
        Instant at = ref.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    private void count(String outcome, String channel) {
        Counter c = counters.get(outcome).get(channel);
        if (c != null) {
            c.increment();
        }
    }

    @Override
    public void sent(String channel) {
        count("sent", channel);
    }

    @Override
    public void retried(String channel) {
        count("retried", channel);
    }

    @Override
    public void failed(String channel) {
        count("failed", channel);
    }

    @Override
    public void suppressed(String channel) {
        count("suppressed", channel);
    }

    @Override
    public void deferred(String channel) {
        count("deferred", channel);
    }

    @Override
    public void outbox(long pendingRows, Instant oldestCreatedAt, Instant oldestDueAt) {
        pending.set(pendingRows);
        oldestCreated.set(oldestCreatedAt);
        oldestDue.set(oldestDueAt);
    }
}
