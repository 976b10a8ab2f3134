package org.smartcamp.deploy.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.platform.Durations;
import org.smartcamp.platform.InvalidDurationException;

/** Resolved configuration values (defaults, then the file, then the environment), read with types. */
public final class Settings {
    private final Map<ConfigKey, String> values;
    private final Map<ConfigKey, String> sources;

    Settings(Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {
        this.values = new EnumMap<>(values);
        this.sources = new EnumMap<>(sources);
    }

    /** The raw value (never null; empty when unset). */
    public String text(ConfigKey key) {
        return values.getOrDefault(key, key.defaultValue()).trim();
    }

    /** The value, or {@code null} when it is empty. */
    public String optionalText(ConfigKey key) {
        String v = text(key);
        return v.isEmpty() ? null : v;
    }

    /** Where the value came from: {@code default}, the file, or the environment variable. */
    public String source(ConfigKey key) {
        return sources.getOrDefault(key, "default");
    }

    public int integer(ConfigKey key, int min, int max) {
        String v = text(key);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw fail(key, v, "a whole number from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw fail(key, v, "a whole number from " + min + " to " + max);
        }
    }

    public double decimal(ConfigKey key) {
        String v = text(key);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || d <= 0) {
                throw fail(key, v, "a positive number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw fail(key, v, "a positive number");
        }
    }

    public boolean bool(ConfigKey key) {
        String v = text(key).toLowerCase(Locale.ROOT);
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean(v);
        }
        throw fail(key, v, "true or false");
    }

    /**
     * One of {@code allowed} (case-insensitive), lower case.
     *
     * @throws ConfigException naming the key and the allowed values otherwise
     */
    public String choice(ConfigKey key, String... allowed) {
        String v = text(key).toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw fail(key, text(key), String.join(", ", allowed));
    }

    /** A positive duration in the one syntax of {@link Durations} ({@code 250ms}, {@code 30s}, {@code 2d6h}, ISO). */
    public Duration duration(ConfigKey key) {
        Duration d = optionalDuration(key);
        if (d == null) {
            throw fail(key, "", "a duration such as " + Durations.EXAMPLES);
        }
        return d;
    }

    /** Like {@link #duration} but {@code null} when empty. */
    public Duration optionalDuration(ConfigKey key) {
        String v = text(key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Durations.parsePositive(key.key(), v);
        } catch (InvalidDurationException e) {
            throw fail(key, v, "a positive duration such as " + Durations.EXAMPLES);
        }
    }

    /**
     * A positive duration written as in the config file ({@link Durations}), e.g. from a command-line option named
     * {@code what}.
     *
     * @throws ConfigException naming {@code what} when it is not one
     */
    public static Duration parsePositiveDuration(String what, String text) {
        try {
            return Durations.parsePositive(what, text);
        } catch (InvalidDurationException e) {
            throw new ConfigException(what + " is '" + text + "'; expected a positive duration such as "
                + Durations.EXAMPLES);
        }
    }

    private ConfigException fail(ConfigKey key, String value, String expected) {
        String shown = key.secret() ? "***" : "'" + value + "'";
        return new ConfigException(key.key() + " (from " + source(key) + ") is " + shown + "; expected " + expected);
    }
}
