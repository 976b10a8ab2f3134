package org.smartcamp.api.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A half-open time range {@code [from, to)} from the {@code from}/{@code to} parameters, checked against the
 * longest span the route allows.
 */
public record TimeRange(Instant from, Instant to) {

    /**
     * Reads {@code from} and {@code to}; {@code to} defaults to {@code now}, {@code from} to {@code to - span}.
     *
     * @throws ApiException 400 when from is not before to, or the range is longer than {@code max}
     */
    public static TimeRange of(Params p, Instant now, Duration span, Duration max) {
        Instant to = p.instant("to");
        Instant from = p.instant("from");
        if (to == null) {
            to = from != null && from.plus(span).isBefore(now) ? from.plus(span) : now;
        }
        if (from == null) {
            from = to.minus(span);
        }
        if (!from.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before 'to' (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw ApiException.badParameter("from", "and 'to' span " + human(Duration.between(from, to))
                + "; the most this route serves at once is " + human(max) + " (page through shorter ranges)");
        }
        return new TimeRange(from, to);
    }

    /** The UTC day of {@code from}. */
    public LocalDate fromDay() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The first UTC day not covered: the day of {@code to}, or the next one when to is not midnight. */
    public LocalDate toDayExclusive() {
        LocalDate d = LocalDate.ofInstant(to, ZoneOffset.UTC);
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().equals(to) ? d : d.plusDays(1);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    static String human(Duration d) {
        if (d.toDays() >= 2) {
            return d.toDays() + "d";
        }
        if (d.toHours() >= 2) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }
}
