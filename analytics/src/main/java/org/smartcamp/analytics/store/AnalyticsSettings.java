package org.smartcamp.analytics.store;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics settings that an inventory overrides for a camp or an asset (flat keys such as
 * {@code fuel.theftMinLitres}, values as text), read with the caller's documented default. A value that does not
 * parse is logged and the default used: a typo in one override must not stop the analytics of a camp.
 */
public final class AnalyticsSettings {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsSettings.class);
    private static final AnalyticsSettings EMPTY = new AnalyticsSettings(Map.of());
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

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

    /** The text of {@code key}, or {@code fallback}. */
    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** A finite number, or {@code fallback} when unset or not a number. */
    public double number(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the default
        }
        return invalid(key, v, fallback);
    }

    /** {@code true}/{@code false}, or {@code fallback}. */
    public boolean flag(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if ("true".equalsIgnoreCase(v.trim()) || "false".equalsIgnoreCase(v.trim())) {
            return Boolean.parseBoolean(v.trim());
        }
        return invalid(key, v, fallback);
    }

    /** A positive duration ({@code 90s}, {@code 45m}, {@code 1.5h}, {@code 2d} or ISO-8601), or {@code fallback}. */
    public Duration duration(String key, Duration fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        Duration d = parse(v.trim());
        return d != null && !d.isNegative() && !d.isZero() ? d : invalid(key, v, fallback);
    }

    private static Duration parse(String v) {
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long unitMs = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Duration.ofMillis(Math.round(n * unitMs));
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> T invalid(String key, String value, T fallback) {
        LOG.warn("Analytics setting {} = '{}' is not valid; using the default {}", key, value, fallback);
        return fallback;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
