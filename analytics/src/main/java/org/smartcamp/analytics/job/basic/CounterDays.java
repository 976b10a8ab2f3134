package org.smartcamp.analytics.job.basic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.analytics.store.Rollup;

/**
 * Daily increases of a cumulative counter (energy, engine hours, litres through a flow meter) from its hourly
 * rollups. An hour's increase runs from the last reading before it to its own last reading, so every increase
 * is counted once whatever the reporting interval; after a gap the whole increase over the gap goes to the hour
 * that ends it. A counter that goes down was reset (a meter replaced): the hour counts from its lowest point.
 * The first hour of the data counts from its own first reading. Pure.
 */
final class CounterDays {
    private CounterDays() {
    }

    /** One day: the counter's increase and how many hours of it had readings. */
    record Day(double increase, int hoursWithData) {
    }

    /** The days (UTC) of {@code hourly} (in bucket order) with their increase. */
    static Map<LocalDate, Day> of(List<Rollup> hourly) {
        Map<LocalDate, Day> days = new TreeMap<>();
        Double previous = null;
        for (Rollup h : hourly) {
            double increase;
            if (previous == null) {
                increase = Math.max(0, h.last() - h.first());
            } else if (h.last() >= previous) {
                increase = h.last() - previous;
            } else {
                increase = h.last() >= h.first() ? h.last() - h.first() : h.last();
            }
            days.merge(day(h.bucket()), new Day(increase, 1),
                (a, b) -> new Day(a.increase() + b.increase(), a.hoursWithData() + b.hoursWithData()));
            previous = h.last();
        }
        return days;
    }

    /** The UTC day of {@code t}. */
    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** Hours of {@code day} that have passed by {@code now} (24 for a past day, 0 for a future one). */
    static double expectedHours(LocalDate day, Instant now) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(1, ChronoUnit.DAYS);
        if (!now.isBefore(end)) {
            return 24;
        }
        return now.isAfter(start) ? Duration.between(start, now).toMillis() / 3_600_000.0 : 0;
    }

    /** Share of the hours of {@code day} that had readings, as of {@code now}, in [0, 1]. */
    static double coverage(Day d, LocalDate day, Instant now) {
        double expected = Math.ceil(expectedHours(day, now));
        if (d == null || expected == 0) {
            return 0;
        }
        return Math.min(1, d.hoursWithData() / expected);
    }
}
