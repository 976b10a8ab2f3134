package org.smartcamp.analytics.alarm;

import java.time.Duration;
import java.util.List;

/**
 * The alarm settings of the analytics process.
 *
 * @param rules     the rules of the configuration file (they replace the stored configuration rules on start)
 * @param publicUrl the API's public URL, for the links in notifications ({@code api.publicUrl})
 * @param lookback  events detected or revised within it raise alarms ({@code alarms.eventLookback})
 */
public record AlarmConfig(List<AlarmRule> rules, String publicUrl, Duration lookback) {
    /** No configuration rules, links to http://localhost:8080, a look-back of a day. */
    public static final AlarmConfig DEFAULT = new AlarmConfig(List.of(), "http://localhost:8080",
        AlarmEvaluator.DEFAULT_LOOKBACK);

    public AlarmConfig {
        rules = List.copyOf(rules);
    }
}
