package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 times as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads them, the usual shape read by hand:
 * {@code 2026-11-22T10:15:00Z}, with or without a fraction of 1 to 9 digits, offset {@code Z} or {@code +hh:mm}.
 * Any other text (lower-case letters, no seconds, a year beyond four digits, a field out of range, ...) goes to
 * {@code OffsetDateTime.parse}, so every text is accepted or refused exactly as there ({@code RfcTimesTest}
 * compares the two). The hand-read shape costs about a twentieth of the formatter's parse.
 */
final class RfcTimes {
    private static final int NO_FRACTION = 19;

    private RfcTimes() {
    }

    /**
     * The instant the text names.
     *
     * @throws java.time.format.DateTimeParseException as {@code OffsetDateTime.parse} throws it
     */
    static Instant parse(String text) {
        Instant fast = usual(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The usual shape with every field in range, or null for anything else. */
    private static Instant usual(String s) {
        int n = s.length();
        if (n < NO_FRACTION + 1 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
            || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
            || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int i = NO_FRACTION;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = offsetSeconds(s, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second - offset, nanos);
    }

    /** {@code Z} or {@code +hh:mm} / {@code -hh:mm} (at most 18:00) ending the text at {@code i}; else MIN_VALUE. */
    private static int offsetSeconds(String s, int i) {
        int n = s.length();
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return 0;
        }
        if (i != n - 6 || s.charAt(i + 3) != ':' || s.charAt(i) != '+' && s.charAt(i) != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || hours == 18 && minutes > 0) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return s.charAt(i) == '-' ? -seconds : seconds;
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
