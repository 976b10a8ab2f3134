package org.smartcamp.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of SmartCamp: configuration keys, inventory analytics settings, scenario files and
 * command-line options all read durations here.
 *
 * <p>A duration is either one or more parts {@code <number><unit>} with the unit {@code ms}, {@code s}, {@code m}
 * (minutes), {@code h} or {@code d} (24 hours), e.g. {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d},
 * {@code 2d6h30m}, {@code 1.5h} (a number may have a fraction; a space may stand between a number and its unit; the
 * unit's case does not matter), or ISO 8601 as {@link Duration#parse} reads it ({@code PT5M}, {@code P1DT6H}). It is
 * never negative; the result is rounded to the millisecond.
 */
public final class Durations {
    /** Examples for error messages and help texts. */
    public static final String EXAMPLES = "250ms, 30s, 5m, 2h, 1d, 2d6h or PT5M";

    private static final Pattern WHOLE = Pattern.compile("(\\d+(\\.\\d+)?\\s*(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final int MAX_LENGTH = 64;

    private Durations() {
    }

    /**
     * Parses {@code text}, zero allowed.
     *
     * @param key what the text is the value of (a config key, a setting, a scenario field, an option), named in
     *            the error
     * @throws InvalidDurationException {@code "<key>: '<text>' is not a duration (e.g. ...)"}
     */
    public static Duration parse(String key, String text) {
        Duration d = parseOrNull(text);
        if (d == null) {
            throw new InvalidDurationException(key, "'" + text + "' is not a duration (e.g. " + EXAMPLES + ")");
        }
        return d;
    }

    /**
     * Parses {@code text}, which must be longer than zero.
     *
     * @throws InvalidDurationException naming {@code key} when it is not a duration, or zero
     */
    public static Duration parsePositive(String key, String text) {
        Duration d = parse(key, text);
        if (d.isZero()) {
            throw new InvalidDurationException(key, "'" + text + "' must be a positive duration");
        }
        return d;
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

    private static Duration parseOrNull(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p") || t.startsWith("-p") || t.startsWith("+p")) {
            return iso(t);
        }
        if (!WHOLE.matcher(t).matches()) {
            return null;
        }
        BigDecimal millis = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            millis = millis.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis(m.group(2)))));
        }
        try {
            return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Duration iso(String t) {
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            return d.isNegative() ? null : Duration.ofMillis(d.toMillis());
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n != 0) {
            sb.append(n).append(unit);
        }
    }
}
