package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in scenario files and on the command line: {@code 10s}, {@code 5m},
 * {@code 12h}, {@code 7d}, combinations such as {@code 2d6h30m}, or ISO 8601 ({@code PT10S}).
 */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(d|h|ms|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(d|h|ms|m|s)");

    private DurationText() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is neither form
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (WHOLE.matcher(t).matches()) {
            Duration total = Duration.ZERO;
            Matcher m = PART.matcher(t);
            while (m.find()) {
                total = total.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
            }
            return total;
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 10s, 5m, 12h, 7d or 2d6h");
        }
    }

    /** The shortest text {@link #parse} reads back as {@code d}, e.g. {@code 2d6h}; {@code 0s} for zero. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, d.toDays(), "d");
        append(sb, d.toHoursPart(), "h");
        append(sb, d.toMinutesPart(), "m");
        append(sb, d.toSecondsPart(), "s");
        append(sb, d.toMillisPart(), "ms");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n != 0) {
            sb.append(n).append(unit);
        }
    }

    private static Duration unit(long n, String unit) {
        switch (unit) {
            case "d":
                return Duration.ofDays(n);
            case "h":
                return Duration.ofHours(n);
            case "m":
                return Duration.ofMinutes(n);
            case "s":
                return Duration.ofSeconds(n);
            default:
                return Duration.ofMillis(n);
        }
    }
}
