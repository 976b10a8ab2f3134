package org.smartcamp.analytics.store;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analytics settings that an inventory overrides for a camp or an asset (flat keys such as
 * {@code fuel.theftMinLitres}, values as text), merged camp then asset. It only carries them: every analyzer reads
 * its keys through a {@link org.smartcamp.analytics.power.SettingsReader} with declared defaults, which refuses an
 * unknown key of its family or a bad value with a {@link org.smartcamp.analytics.power.SettingsException} naming the
 * key; the analytics service checks every camp's and asset's settings so at startup
 * ({@link org.smartcamp.analytics.job.SettingsCheck}).
 */
public final class AnalyticsSettings {
    private static final AnalyticsSettings EMPTY = new AnalyticsSettings(Map.of());

    private final Map<String, String> values;

    private AnalyticsSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** No overrides: every setting has its default. */
    public static AnalyticsSettings defaults() {
        return EMPTY;
    }

    public static AnalyticsSettings of(Map<String, String> values) {
        return values.isEmpty() ? EMPTY : new AnalyticsSettings(values);
    }

    /** These settings with {@code overrides} winning (a camp's, then an asset's). */
    public AnalyticsSettings with(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new AnalyticsSettings(merged);
    }

    /** The overrides as a flat map, sorted by key. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** The overrides whose key is one of {@code keys} (for a reader that knows only those of a shared family). */
    public Map<String, String> only(Set<String> keys) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (keys.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
