package org.smartcamp.deploy.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolved configuration values (defaults, then the file, then the environment), read with types. */
public final class Settings {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

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

    /** A positive duration such as {@code 200ms}, {@code 30s}, {@code 5m}, {@code 12h}, {@code 7d} or ISO-8601. */
    public Duration duration(ConfigKey key) {
        Duration d = optionalDuration(key);
        if (d == null) {
            throw fail(key, "", "a duration such as 30s, 5m, 12h or 7d");
        }
        return d;
    }

    /** Like {@link #duration} but {@code null} when empty. */
    public Duration optionalDuration(ConfigKey key) {
        String v = text(key);
        if (v.isEmpty()) {
            return null;
        }
        Duration d = parseDuration(v);
        if (d == null || d.isNegative() || d.isZero()) {
            throw fail(key, v, "a positive duration such as 30s, 5m, 12h or 7d");
        }
        return d;
    }

    /**
     * A positive duration written as in the config file ({@code 30s}, {@code 6h}, {@code 7d}, ISO-8601), e.g. from a
     * command-line option named {@code what}.
     *
     * @throws ConfigException naming {@code what} when it is not one
     */
    public static Duration parsePositiveDuration(String what, String text) {
        Duration d = parseDuration(text);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(what + " is '" + text + "'; expected a positive duration such as 30s, 5m, 12h"
                + " or 7d");
        }
        return d;
    }

    static Duration parseDuration(String v) {
        Matcher m = SHORT_DURATION.matcher(v.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                default:
                    return Duration.ofDays(n);
            }
        }
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ConfigException fail(ConfigKey key, String value, String expected) {
        String shown = key.secret() ? "***" : "'" + value + "'";
        return new ConfigException(key.key() + " (from " + source(key) + ") is " + shown + "; expected " + expected);
    }
}
