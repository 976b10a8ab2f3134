package org.smartcamp.analytics.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesSpacing;

/**
 * Checks one sensor: completeness against its expected interval, gaps, staleness and flat-lined runs. Counters and
 * states legitimately stay constant and are not flat-lined, except the counters that must move while their asset
 * runs (e.g. {@code engine.hours}), which are checked over the times the asset's activity state says it ran.
 */
final class SensorChecker {
    private final QualitySettings settings;

    SensorChecker(QualitySettings settings) {
        this.settings = settings;
    }

    SensorQuality check(String assetId, String metric, Series all, Instant from, Instant to, Instant asOf,
                        Series activity) {
        Series s = all.slice(from.toEpochMilli(), to.toEpochMilli());
        Duration configured = settings.interval(metric).orElse(null);
        Duration interval = configured != null ? configured
            : s.size() >= 2 ? Duration.ofMillis(SeriesSpacing.median(s, 0)) : null;
        ActiveTime running = settings.whileRunning().contains(metric) && !activity.isEmpty()
            ? ActiveTime.of(activity) : null;
        long span = running == null ? Duration.between(from, to).toMillis()
            : running.within(from.toEpochMilli(), to.toEpochMilli());
        long expected = interval == null ? 0 : span / interval.toMillis();
        CoveredValue completeness = expected == 0 ? CoveredValue.unknown()
            : new CoveredValue(Math.min(1, (double) s.size() / expected), 1);
        Series seen = all.slice(from.toEpochMilli(), asOf.toEpochMilli() + 1);
        Instant lastSeen = seen.isEmpty() ? null : seen.instant(seen.size() - 1);
        Duration age = lastSeen == null ? null : Duration.between(lastSeen, asOf);
        List<Gap> gaps = interval == null ? List.of() : gaps(s, seen, from, asOf, interval);
        if (running != null) {
            gaps = whileRunning(gaps, running, interval);
        }
        boolean stale = interval != null && age != null && age.compareTo(staleAfter(interval)) > 0
            && (running == null || !gaps.isEmpty() && gaps.get(gaps.size() - 1).open());
        List<Flatline> flat = flatlines(metric, s, activity);
        return new SensorQuality(assetId, metric, from, to, asOf, interval, configured != null, s.size(), expected,
            completeness, lastSeen, age, stale, gaps, flat);
    }

    /** How long a sensor of this interval may stay silent before it is stale. */
    Duration staleAfter(Duration interval) {
        Duration byFactor = Duration.ofMillis(Math.round(interval.toMillis() * settings.staleFactor()));
        return byFactor.compareTo(settings.staleAfter()) > 0 ? byFactor : settings.staleAfter();
    }

    private List<Gap> gaps(Series s, Series seen, Instant from, Instant asOf, Duration interval) {
        long step = interval.toMillis();
        long limit = Math.round(step * settings.gapFactor());
        List<Gap> out = new ArrayList<>();
        if (s.isEmpty() || s.time(0) - from.toEpochMilli() > limit) {
            long end = s.isEmpty() ? asOf.toEpochMilli() : s.time(0);
            out.add(new Gap(from, Instant.ofEpochMilli(end), s.isEmpty()));
        }
        for (int i = 1; i < s.size(); i++) {
            if (s.time(i) - s.time(i - 1) > limit) {
                out.add(new Gap(Instant.ofEpochMilli(s.time(i - 1) + step), s.instant(i), false));
            }
        }
        if (!seen.isEmpty() && asOf.toEpochMilli() - seen.time(seen.size() - 1) > limit) {
            out.add(new Gap(Instant.ofEpochMilli(seen.time(seen.size() - 1) + step), asOf, true));
        }
        return out;
    }

    /** The parts of the gaps during which the asset ran, where longer than a gap. */
    private List<Gap> whileRunning(List<Gap> gaps, ActiveTime running, Duration interval) {
        long limit = Math.round(interval.toMillis() * settings.gapFactor());
        List<Gap> out = new ArrayList<>();
        for (Gap g : gaps) {
            for (long[] p : running.overlap(g.start().toEpochMilli(), g.end().toEpochMilli())) {
                if (p[1] - p[0] > limit) {
                    boolean open = g.open() && p[1] == g.end().toEpochMilli();
                    out.add(new Gap(Instant.ofEpochMilli(p[0]), Instant.ofEpochMilli(p[1]), open));
                }
            }
        }
        return out;
    }

    /**
     * The flat-lined runs of a gauge (or of a counter that must move while its asset runs): runs of readings within
     * the tolerance of their first value that last the metric's window over enough readings, or that are far longer
     * in readings than the sensor's own runs (their 95th percentile, which a few stuck runs do not move, times
     * {@code flatlineRunFactor}, at least
     * {@code flatlineAdaptiveMinSamples}): a noisy gauge that never repeats a value is stuck long before an hour,
     * a coarse one that holds each value a few minutes sets a higher bar.
     */
    private List<Flatline> flatlines(String metric, Series s, Series activity) {
        boolean activeCounter = settings.activeCounters().contains(metric);
        boolean quiet = settings.states().contains(metric) || settings.counters().contains(metric) && !activeCounter;
        if (quiet || activeCounter && activity.isEmpty() || settings.flatlineWindow(metric).isEmpty()) {
            return List.of();
        }
        long window = settings.flatlineWindow(metric).get().toMillis();
        boolean zeroRests = settings.zeroAtRest().contains(metric);
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            int j = i + 1;
            while (j < s.size() && Math.abs(s.value(j) - s.value(i)) <= settings.flatlineTolerance()
                    && (!activeCounter || activeAt(activity, s.time(j)))) {
                j++;
            }
            runs.add(new int[] {i, j});
            i = j;
        }
        int adaptive = adaptiveRunLimit(runs);
        List<Flatline> out = new ArrayList<>();
        for (int[] run : runs) {
            int a = run[0];
            int n = run[1] - a;
            boolean rest = zeroRests && Math.abs(s.value(a)) <= settings.flatlineTolerance();
            boolean active = !activeCounter || activeAt(activity, s.time(a));
            boolean longInTime = n >= settings.flatlineMinSamples() && s.time(run[1] - 1) - s.time(a) >= window;
            if (!rest && active && (longInTime || n >= adaptive)) {
                out.add(new Flatline(s.instant(a), s.instant(run[1] - 1), s.value(a), n));
            }
        }
        return out;
    }

    /**
     * How many readings in one run the sensor's own behaviour makes implausible; {@code Integer.MAX_VALUE} (only the
     * window applies) when it has too few runs to tell.
     */
    private int adaptiveRunLimit(List<int[]> runs) {
        if (runs.size() < settings.flatlineAdaptiveMinRuns()) {
            return Integer.MAX_VALUE;
        }
        int[] lengths = runs.stream().mapToInt(r -> r[1] - r[0]).sorted().toArray();
        int p95 = lengths[Math.min(lengths.length - 1, (int) Math.ceil(0.95 * lengths.length) - 1)];
        return (int) Math.max(settings.flatlineAdaptiveMinSamples(), Math.ceil(settings.flatlineRunFactor() * p95));
    }

    /** Whether the activity state's last reading at or before {@code t} says the asset ran. */
    private static boolean activeAt(Series activity, long t) {
        int i = activity.indexAtOrAfter(t + 1) - 1;
        return i >= 0 && activity.value(i) >= 0.5;
    }
}
