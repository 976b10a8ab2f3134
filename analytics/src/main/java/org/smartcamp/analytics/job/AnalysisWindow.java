package org.smartcamp.analytics.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The time an analyzer looks at in one run. New readings fell in {@code [changedFrom, until)}; the analyzer sees
 * data from {@code loadFrom}: the start of the UTC day of {@code changedFrom} minus its context margin, so the
 * days from {@link #firstDay()} on are seen whole and a detector sees what came before the change. Its daily
 * figures from {@link #firstDay()} on, and its events starting in {@code [loadFrom, until)}, replace what was
 * stored before.
 *
 * @param changedFrom the start of the earliest hour that received new readings
 * @param loadFrom    where the data the analyzer sees begins
 * @param until       where it ends (exclusive): the pass time, or later when readings carry future times
 * @param now         the pass time
 */
public record AnalysisWindow(Instant changedFrom, Instant loadFrom, Instant until, Instant now) {

    public AnalysisWindow {
        Objects.requireNonNull(changedFrom, "changedFrom");
        if (loadFrom.isAfter(changedFrom) || !until.isAfter(changedFrom)) {
            throw new IllegalArgumentException("window must hold its change: " + loadFrom + " <= " + changedFrom
                + " < " + until);
        }
    }

    /**
     * The window for a change that starts at {@code changedFrom} and was last touched in the hour starting at
     * {@code lastHour}, for an analyzer that needs {@code context} before the changed day.
     */
    public static AnalysisWindow of(Instant changedFrom, Instant lastHour, Duration context, Instant now) {
        Instant loadFrom = changedFrom.truncatedTo(ChronoUnit.DAYS).minus(context);
        Instant end = lastHour.plus(Duration.ofHours(1));
        return new AnalysisWindow(changedFrom, loadFrom, end.isAfter(now) ? end : now, now);
    }

    /** The first UTC day whose figures this run recomputes. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(changedFrom, ZoneOffset.UTC);
    }

    /**
     * Where the events an analyzer reports start being decided: one day before the changed day, or the start of
     * the loaded data when the context is shorter. Data before it only informs the detection (a refuel or a leak
     * needs the readings before it); events starting there were decided by an earlier run with the data around
     * them and stay as stored.
     */
    public Instant decideFrom() {
        Instant dayBefore = changedFrom.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        return dayBefore.isAfter(loadFrom) ? dayBefore : loadFrom;
    }
}
