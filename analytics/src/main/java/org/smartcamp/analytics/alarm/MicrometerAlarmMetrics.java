package org.smartcamp.analytics.alarm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alarm meters, all created here: {@code smartcamp.alarms.raised} (tags severity, condition) and the gauge
 * {@code smartcamp.alarms.active} (tag severity: alarms active or acknowledged, not yet cleared).
 */
public final class MicrometerAlarmMetrics implements AlarmMetrics {
    private final Map<Severity, Map<AlarmCondition, Counter>> raised = new EnumMap<>(Severity.class);
    private final Map<Severity, AtomicLong> open = new EnumMap<>(Severity.class);

    public MicrometerAlarmMetrics(MeterRegistry registry) {
        for (Severity s : Severity.values()) {
            Map<AlarmCondition, Counter> byCondition = new EnumMap<>(AlarmCondition.class);
            for (AlarmCondition c : AlarmCondition.values()) {
                byCondition.put(c, Counter.builder("smartcamp.alarms.raised").tag("severity", s.id())
                    .tag("condition", c.id()).description("Alarms raised by the rules").register(registry));
            }
            raised.put(s, byCondition);
            AtomicLong count = new AtomicLong();
            open.put(s, count);
            Gauge.builder("smartcamp.alarms.active", count, AtomicLong::get).tag("severity", s.id())
                .description("Alarms not yet cleared (active or acknowledged), as of the last evaluation")
                .register(registry);
        }
    }

    @Override
    public void raised(Severity severity, AlarmCondition condition) {
        raised.get(severity).get(condition).increment();
    }

    @Override
    public void open(Severity severity, long count) {
        open.get(severity).set(count);
    }
}
