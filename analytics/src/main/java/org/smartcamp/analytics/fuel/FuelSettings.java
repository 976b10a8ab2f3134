package org.smartcamp.analytics.fuel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.analytics.power.SettingsReader;

/**
 * The constants of the fuel analytics for one camp or asset: the defaults of {@link FuelSetting}, overridden per
 * camp and then per asset from flat settings maps such as {@code {"fuel.theftMinLitres": 40}}. Immutable.
 *
 * @param values a value for every {@link FuelSetting}
 */
public record FuelSettings(Map<FuelSetting, Double> values) {
    private static final String PREFIX = "fuel.";
    private static final FuelSettings DEFAULTS = defaultSettings();

    public FuelSettings {
        values = Map.copyOf(values);
        for (FuelSetting s : FuelSetting.values()) {
            if (!values.containsKey(s)) {
                throw new IllegalArgumentException("no value for " + s.key());
            }
        }
    }

    /** Every setting at its documented default. */
    public static FuelSettings defaults() {
        return DEFAULTS;
    }

    /**
     * These settings with {@code overrides} applied (keys as {@link FuelSetting#key()}, values numbers or
     * numeric text). An empty or null map changes nothing.
     *
     * @throws SettingsException naming the key for an unknown key, a value that is not a number, outside the
     *                           setting's range, or not whole for a count (read by the one {@link SettingsReader})
     */
    public FuelSettings with(Map<String, ?> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, String> current = new TreeMap<>();
        Map<String, String> layer = new TreeMap<>();
        overrides.forEach((key, raw) -> {
            FuelSetting s = FuelSetting.ofKey(key);
            if (!(raw instanceof Number) && !(raw instanceof String)) {
                throw new SettingsException(key + ": expected a number, got " + raw);
            }
            current.put(key, Double.toString(get(s)));
            layer.put(key, raw.toString());
        });
        SettingsReader reader = new SettingsReader(PREFIX, current, layer);
        EnumMap<FuelSetting, Double> changed = new EnumMap<>(values);
        layer.keySet().forEach(key -> {
            FuelSetting s = FuelSetting.ofKey(key);
            String name = key.substring(PREFIX.length());
            changed.put(s, s.unit().equals("count") ? reader.integer(name, (int) s.min(), (int) s.max())
                : reader.number(name, s.min(), s.max()));
        });
        return new FuelSettings(changed);
    }

    /** The value of {@code setting}. */
    public double get(FuelSetting setting) {
        return values.get(setting);
    }

    /** A setting in minutes or hours as a duration in milliseconds. */
    long millis(FuelSetting setting) {
        double v = get(setting);
        return switch (setting.unit()) {
            case "min" -> Math.round(v * 60_000);
            case "h" -> Math.round(v * 3_600_000);
            case "day" -> Math.round(v * 86_400_000);
            default -> throw new IllegalArgumentException(setting.key() + " is not a duration");
        };
    }

    /** A duration setting as a {@link Duration}. */
    public Duration duration(FuelSetting setting) {
        return Duration.ofMillis(millis(setting));
    }

    /** A count setting as an int. */
    public int count(FuelSetting setting) {
        return (int) Math.round(get(setting));
    }

    private static FuelSettings defaultSettings() {
        EnumMap<FuelSetting, Double> m = new EnumMap<>(FuelSetting.class);
        for (FuelSetting s : FuelSetting.values()) {
            m.put(s, s.defaultValue());
        }
        return new FuelSettings(m);
    }
}
