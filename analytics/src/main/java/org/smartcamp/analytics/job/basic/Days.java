package org.smartcamp.analytics.job.basic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** UTC days of a window. */
final class Days {
    private Days() {
    }

    /** The days from {@code first} to the day holding the last instant before {@code until}, in order. */
    static List<LocalDate> between(LocalDate first, Instant until) {
        LocalDate last = LocalDate.ofInstant(until.minusNanos(1), ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
