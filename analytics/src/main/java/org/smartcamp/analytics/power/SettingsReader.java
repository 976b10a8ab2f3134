package org.smartcamp.analytics.power;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.platform.Durations;
import org.smartcamp.platform.InvalidDurationException;

/**
 * Reads one family of settings (keys starting with a prefix such as {@code power.}) from documented defaults and
 * layers of overrides (camp, then asset; later layers win), as flat {@code key -> text} maps. Keys of other
 * families are ignored; an unknown key of this family, or a value of the wrong kind, fails with a
 * {@link SettingsException} naming the key. A default key ending in {@code .*} opens a family of keys (e.g.
 * {@code quality.interval.*} for {@code quality.interval.fuel.level}).
 *
 * <p>Durations are written in the one syntax of {@link Durations} ({@code 90s}, {@code 15m}, {@code 2h}, {@code 30d},
 * {@code 1d6h}, {@code 1.5h}, ISO 8601 {@code PT15M}); lists are comma separated.
 */
public final class SettingsReader {
    private final String prefix;
    private final Map<String, String> values;

    /**
     * @param prefix   the family, e.g. {@code power.}
     * @param defaults every known key (with the prefix) and its default text
     * @param layers   overrides, applied in order
     * @throws SettingsException when an override names an unknown key of the family
     */
    @SafeVarargs
    public SettingsReader(String prefix, Map<String, String> defaults, Map<String, String>... layers) {
        this.prefix = prefix;
        this.values = new LinkedHashMap<>(defaults);
        for (Map<String, String> layer : layers) {
            for (Map.Entry<String, String> e : new TreeMap<>(layer).entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    requireKnown(e.getKey(), defaults);
                    values.put(e.getKey(), e.getValue() == null ? "" : e.getValue().trim());
                }
            }
        }
    }

    /** The text of {@code key} (without the prefix). */
    public String text(String key) {
        String v = values.get(prefix + key);
        if (v == null) {
            throw new IllegalStateException("no default for " + prefix + key);
        }
        return v;
    }

    /** A finite number. */
    public double number(String key) {
        try {
            double d = Double.parseDouble(text(key));
            if (!Double.isFinite(d)) {
                throw bad(key, "is not a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(key, "is not a number");
        }
    }

    /** A number in {@code [min, max]}. */
    public double number(String key, double min, double max) {
        double d = number(key);
        if (d < min || d > max) {
            throw bad(key, "must be between " + min + " and " + max);
        }
        return d;
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String key, int min, int max) {
        double d = number(key, min, max);
        if (d != Math.rint(d)) {
            throw bad(key, "must be a whole number");
        }
        return (int) d;
    }

    /** A positive duration. */
    public Duration duration(String key) {
        Duration d = parseDuration(key, text(key));
        if (d.isNegative() || d.isZero()) {
            throw bad(key, "must be a positive duration");
        }
        return d;
    }

    /** A positive duration, or {@code null} when its text is empty (a default of "none"). */
    public Duration optionalDuration(String key) {
        return text(key).isEmpty() ? null : duration(key);
    }

    /** A comma-separated list of positive numbers, at least one. */
    public List<Double> positiveNumbers(String key) {
        List<Double> out = new ArrayList<>();
        for (String part : text(key).split(",")) {
            try {
                double d = Double.parseDouble(part.trim());
                if (!(d > 0) || !Double.isFinite(d)) {
                    throw bad(key, "must list positive numbers");
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw bad(key, "must list numbers separated by commas");
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A comma-separated list of names (blanks dropped; empty text gives an empty list). */
    public List<String> names(String key) {
        List<String> out = new ArrayList<>();
        for (String part : text(key).split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The keys of an open family {@code key.*} with their texts, keyed by what follows {@code key.}. */
    public Map<String, String> family(String key) {
        String start = prefix + key + ".";
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(start) && !k.equals(start + "*")) {
                out.put(k.substring(start.length()), v);
            }
        });
        return out;
    }

    /** Parses a duration of an open family member, failing with the key's name. */
    public Duration familyDuration(String key, String member) {
        return parseDuration(key + "." + member, values.get(prefix + key + "." + member));
    }

    /** A {@link SettingsException} for {@code key} (without the prefix). */
    public SettingsException bad(String key, String problem) {
        return new SettingsException(prefix + key + ": '" + values.get(prefix + key) + "' " + problem);
    }

    private Duration parseDuration(String key, String text) {
        try {
            return Durations.parse(prefix + key, text);
        } catch (InvalidDurationException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private void requireKnown(String key, Map<String, String> defaults) {
        if (defaults.containsKey(key)) {
            return;
        }
        for (String k : defaults.keySet()) {
            if (k.endsWith(".*") && key.startsWith(k.substring(0, k.length() - 1))) {
                return;
            }
        }
        throw new SettingsException("unknown setting " + key + "; known: " + String.join(", ", defaults.keySet()));
    }
}
