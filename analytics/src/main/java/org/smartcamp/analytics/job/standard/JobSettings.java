package org.smartcamp.analytics.job.standard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.analytics.power.SettingsReader;
import org.smartcamp.analytics.store.AnalyticsSettings;

/**
 * The settings the standard analyzers read besides their own families ({@code fuel.*}, {@code power.*},
 * {@code asset.*}, {@code quality.*}): how much data before the changed day each loads. Keys of the {@code job.}
 * family, overridable per camp (and per asset for the asset analyzers) like every other setting.
 */
final class JobSettings {
    /** Data the fuel analyzer loads before the changed day: leak CUSUM and days-of-supply regression need days. */
    static final String FUEL_CONTEXT = "fuelContext";
    /** Data the power analyzer loads before the changed day (SFC drift needs several days). */
    static final String POWER_CONTEXT = "powerContext";
    /** Data the utilization analyzer loads before the changed day (idle-rate fit, days unused). */
    static final String ASSET_CONTEXT = "assetContext";
    /** Data the flat-line check loads before the changed day (a flat line must last its window). */
    static final String SENSOR_CONTEXT = "sensorContext";
    /** Every {@code job.} key with its default. */
    static final Map<String, String> DEFAULTS = Map.of("job.fuelContext", "14d", "job.powerContext", "3d",
        "job.assetContext", "7d", "job.sensorContext", "1d");

    private JobSettings() {
    }

    /**
     * The context {@code key} (one of the constants above) of {@code settings}.
     *
     * @throws SettingsException naming the key for an unknown {@code job.} key or a value that is not a positive
     *                           duration
     */
    static Duration context(AnalyticsSettings settings, String key) {
        return new SettingsReader("job.", DEFAULTS, settings.asMap()).duration(key);
    }

    /**
     * The overrides of {@code settings} that a family's reader knows: keys of {@code prefix} named in
     * {@code known}, or in one of {@code families} (prefixes of open key families). The {@code quality.} family is
     * shared by two analyzers, each of which reads only its own keys.
     */
    static Map<String, String> only(AnalyticsSettings settings, String prefix, Set<String> known,
                                    Set<String> families) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.asMap().forEach((k, v) -> {
            if (!k.startsWith(prefix) || known.contains(k) || families.stream().anyMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The overrides of {@code settings} in the family {@code prefix} (readers that refuse any other key). */
    static Map<String, String> family(AnalyticsSettings settings, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.asMap().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
