package org.smartcamp.analytics.fuel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The constants of the fuel analytics for one camp or asset: the defaults of {@link FuelSetting}, overridden per
 * camp and then per asset from flat settings maps such as {@code {"fuel.theftMinLitres": 40}}. Immutable.
 *
 * @param values a value for every {@link FuelSetting}
 */
public record FuelSettings(Map<FuelSetting, Double> values) {
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
     * @throws IllegalArgumentException naming the key for an unknown key, a value that is not a number, outside
     *                                  the setting's range, or not whole for a count
     */
    public FuelSettings with(Map<String, ?> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        EnumMap<FuelSetting, Double> changed = new EnumMap<>(values);
        overrides.forEach((key, raw) -> {
            FuelSetting s = FuelSetting.ofKey(key);
            changed.put(s, parse(s, raw));
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

    private static double parse(FuelSetting s, Object raw) {
        double v;
        if (raw instanceof Number n) {
            v = n.doubleValue();
        } else if (raw instanceof String text) {
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(s.key() + ": '" + text + "' is not a number", e);
            }
        } else {
            throw new IllegalArgumentException(s.key() + ": expected a number, got " + raw);
        }
        if (!Double.isFinite(v) || v < s.min() || v > s.max()) {
            throw new IllegalArgumentException(s.key() + ": " + raw + " is outside [" + s.min() + ", " + s.max()
                + "] " + s.unit());
        }
        if (s.unit().equals("count") && v != Math.rint(v)) {
            throw new IllegalArgumentException(s.key() + ": " + raw + " is not a whole number");
        }
        return v;
    }

    private static FuelSettings defaultSettings() {
        EnumMap<FuelSetting, Double> m = new EnumMap<>(FuelSetting.class);
        for (FuelSetting s : FuelSetting.values()) {
            m.put(s, s.defaultValue());
        }
        return new FuelSettings(m);
    }
}
