package org.smartcamp.analytics.alarm;

/** What the alarms count: alarms raised, and the alarms open now. */
public interface AlarmMetrics {
    /** Does nothing (tests, tools). */
    AlarmMetrics NONE = new AlarmMetrics() {
        @Override
        public void raised(Severity severity, AlarmCondition condition) {
        }

        @Override
        public void open(Severity severity, long count) {
        }
    };

    /** An alarm was raised. */
    void raised(Severity severity, AlarmCondition condition);

    /** {@code count} alarms of {@code severity} are open (active or acknowledged) after an evaluation. */
    void open(Severity severity, long count);
}
