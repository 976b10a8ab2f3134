package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.series.SegmentedRegression;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * Finds rises or drops in a level signal's balance and measures them. Finding uses a running median (robust to
 * spikes and sloshing); measuring never does: the size is the median of the balance in a quiet window after the
 * change minus the median in one before it, on the readings themselves. A window that is not quiet (sloshing)
 * slides away from the change until it is, a window short of readings (dropout, stuck sensor) widens.
 */
final class StepFinder {
    private static final double SQRT2 = Math.sqrt(2);
    /** A change over at most this many reading intervals is an instant step, measured by lines. */
    static final int INSTANT_INTERVALS = 3;
    /** A window whose slope is this many standard errors from zero is not level. */
    private static final double TREND_T = 4;
    private final FuelSettings settings;

    StepFinder(FuelSettings settings) {
        this.settings = settings;
    }

    /**
     * The steps of {@code direction} (+1 rises, -1 drops) of at least half {@code minSize} within {@code windowMs}
     * that stand out of the noise, none overlapping a {@code barriers} range {@code [from, to]}. Steps that cannot
     * be measured (no readings before or after) are left out.
     */
    List<Step> find(LevelSignal signal, int direction, double minSize, long windowMs, List<long[]> barriers) {
        Series u = signal.balance();
        if (u.size() < 3) {
            return List.of();
        }
        long smooth = settings.millis(FuelSetting.SMOOTHING_MINUTES);
        double[] s = SeriesMath.runningMedian(u, smooth);
        long interval = Math.max(1, SeriesMath.typicalInterval(u));
        double perMedian = Math.max(1, 2.0 * smooth / interval + 1);
        List<long[]> extents = new ArrayList<>();
        for (int[] c : clusters(u, s, direction, minSize, windowMs, perMedian, signal.noise())) {
            extents.add(refine(u, s, direction, c[0], c[1]));
        }
        List<long[]> merged = merge(extents, settings.millis(FuelSetting.REFUEL_MERGE_MINUTES));
        merged.removeIf(e -> overlapsAny(e, barriers));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            long lower = i == 0 ? Long.MIN_VALUE : merged.get(i - 1)[1];
            long upper = i == merged.size() - 1 ? Long.MAX_VALUE : merged.get(i + 1)[0];
            Step step = measure(signal, direction, merged.get(i), lower, upper, barriers);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Index ranges [first, last] of the readings where the smoothed balance moves enough within the window. */
    private List<int[]> clusters(Series u, double[] s, int direction, double minSize, long windowMs,
                                 double perMedian, NoiseProfile noise) {
        long maxGap = settings.millis(FuelSetting.MAX_GAP_HOURS);
        long merge = settings.millis(FuelSetting.REFUEL_MERGE_MINUTES);
        double z = settings.get(FuelSetting.DETECTION_Z);
        List<int[]> out = new ArrayList<>();
        int first = -1;
        int last = -1;
        int j = 0;
        for (int i = 0; i < u.size(); i++) {
            j = Math.max(j, i + 1);
            while (j < u.size() && u.time(j) < u.time(i) + windowMs) {
                j++;
            }
            if (j >= u.size()) {
                break;
            }
            double threshold = Math.max(0.5 * minSize, z * SQRT2 * 1.2533 * noise.at(u.time(i)) / Math.sqrt(perMedian));
            if (u.time(j) - u.time(i) > windowMs + maxGap || direction * (s[j] - s[i]) < threshold) {
                continue;
            }
            if (first >= 0 && u.time(i) <= u.time(last) + merge) {
                last = Math.max(last, j);
            } else {
                if (first >= 0) {
                    out.add(new int[] {first, last});
                }
                first = i;
                last = j;
            }
        }
        if (first >= 0) {
            out.add(new int[] {first, last});
        }
        return out;
    }

    /**
     * The time range of the change within readings [a, b]: from 10 % to 90 % of the smoothed change, widened by
     * an eighth of its length on both sides (the whole ramp when it is linear).
     */
    private static long[] refine(Series u, double[] s, int direction, int a, int b) {
        double total = Math.abs(s[b] - s[a]);
        int k = a;
        while (k < b && direction * (s[k] - s[a]) <= 0.1 * total) {
            k++;
        }
        int startIdx = Math.max(a, k - 1);
        while (k < b && direction * (s[k] - s[a]) < 0.9 * total) {
            k++;
        }
        long start = u.time(startIdx);
        long end = Math.max(start, u.time(k));
        long pad = (end - start) / 8;
        return new long[] {start - pad, end + pad};
    }

    private static List<long[]> merge(List<long[]> extents, long gap) {
        List<long[]> sorted = new ArrayList<>(extents);
        sorted.sort((x, y) -> Long.compare(x[0], y[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] e : sorted) {
            long[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && e[0] - prev[1] < gap) {
                prev[1] = Math.max(prev[1], e[1]);
            } else {
                out.add(e.clone());
            }
        }
        return out;
    }

    private static boolean overlapsAny(long[] e, List<long[]> ranges) {
        for (long[] r : ranges) {
            if (e[0] <= r[1] && e[1] >= r[0]) {
                return true;
            }
        }
        return false;
    }

    private Step measure(LevelSignal signal, int direction, long[] extent, long lower, long upper,
                         List<long[]> barriers) {
        long low = lower;
        long high = upper;
        for (long[] r : barriers) {
            if (r[1] < extent[0]) {
                low = Math.max(low, r[1]);
            } else if (r[0] > extent[1]) {
                high = Math.min(high, r[0]);
            }
        }
        Step.Window before = window(signal, extent[0], -1, low);
        Step.Window after = window(signal, extent[1], +1, high);
        boolean instant = extent[1] - extent[0] <= INSTANT_INTERVALS * SeriesMath.typicalInterval(signal.balance());
        long length = settings.millis(FuelSetting.STABLE_WINDOW_MINUTES);
        if (instant && (trending(signal, collect(signal, extent[0], -1, length, low))
                || trending(signal, collect(signal, extent[1], +1, length, high)))) {
            before = line(signal, extent, -1, low);
            after = line(signal, extent, +1, high);
        }
        return before == null || after == null ? null : new Step(direction, extent[0], extent[1], before, after);
    }

    /** Whether the balance in {@code w} clearly slopes (a slow change going on beside the step). */
    private static boolean trending(LevelSignal signal, Step.Window w) {
        if (w == null || w.readings() < 3) {
            return false;
        }
        SegmentedRegression fit = SegmentedRegression.line(signal.balance().slice(w.from(), w.to() + 1));
        return Math.abs(fit.slope()) > TREND_T * fit.slopeStandardError();
    }

    /**
     * For an instant step: the nearest readings on side {@code side} (the minimum count, not beyond
     * {@code limit}) and the value of a straight line through them at the step's middle, so that a slow change
     * going on at the same time (a vehicle siphoned while it is refuelled) does not bias the step.
     */
    private Step.Window line(LevelSignal signal, long[] extent, int side, long limit) {
        Series u = signal.balance();
        int n = settings.count(FuelSetting.STABLE_MIN_READINGS);
        long at = extent[0] + (extent[1] - extent[0]) / 2;
        int first = side > 0 ? u.indexAtOrAfter(at + 1) : u.indexAtOrAfter(at + 1) - 1;
        int from = first;
        int to = first;
        while (Math.abs(to - from) + 1 < n && to + side >= 0 && to + side < u.size()
                && !beyond(u.time(to + side), side, limit)) {
            to += side;
        }
        int lo = Math.min(from, to);
        int hi = Math.max(from, to) + 1;
        if (lo < 0 || hi > u.size() || hi - lo < 3 || beyond(u.time(first), side, limit)) {
            return null;
        }
        Series b = u.slice(u.time(lo), u.time(hi - 1) + 1);
        SegmentedRegression fit = SegmentedRegression.line(b);
        SegmentedRegression vol = SegmentedRegression.line(signal.volume().slice(u.time(lo), u.time(hi - 1) + 1));
        double noise = signal.noise().max(u.time(lo), u.time(hi - 1));
        double spread = fit.residualSd();
        return new Step.Window(u.time(lo), u.time(hi - 1), fit.valueAt(0, at), vol.valueAt(0, at), hi - lo, spread,
            noise, Math.max(noise, spread) * fit.leverage(0, at),
            spread <= settings.get(FuelSetting.STABLE_SPREAD_FACTOR) * noise);
    }

    /**
     * The first quiet window next to {@code edge} on side {@code side} (-1 before, +1 after), not beyond
     * {@code limit}; failing that the quietest one found; null when there are too few readings within reach.
     */
    private Step.Window window(LevelSignal signal, long edge, int side, long limit) {
        long length = settings.millis(FuelSetting.STABLE_WINDOW_MINUTES);
        long search = settings.millis(FuelSetting.STABLE_SEARCH_MINUTES);
        Step.Window best = null;
        for (long offset = 0; offset <= search; offset += Math.max(1, length / 2)) {
            Step.Window w = side > 0 ? collect(signal, edge + offset, +1, length, limit)
                : collect(signal, edge - offset, -1, length, limit);
            if (w == null) {
                continue;
            }
            if (w.stable()) {
                return w;
            }
            if (best == null || w.spread() / w.noiseSd() < best.spread() / best.noiseSd()) {
                best = w;
            }
        }
        return best;
    }

    /** The readings from {@code edge} on side {@code side}: at least the window's length and minimum count. */
    private Step.Window collect(LevelSignal signal, long edge, int side, long length, long limit) {
        Series u = signal.balance();
        int minReadings = settings.count(FuelSetting.STABLE_MIN_READINGS);
        int i = side > 0 ? u.indexAtOrAfter(edge) : u.indexAtOrAfter(edge + 1) - 1;
        if (i < 0 || i >= u.size() || beyond(u.time(i), side, limit)
                || Math.abs(u.time(i) - edge) > settings.millis(FuelSetting.MAX_GAP_HOURS)) {
            return null;
        }
        int j = i;
        while (j + side >= 0 && j + side < u.size() && !beyond(u.time(j + side), side, limit)
                && (Math.abs(u.time(j + side) - u.time(i)) < length || Math.abs(j - i) + 1 < minReadings)) {
            j += side;
        }
        int from = Math.min(i, j);
        int to = Math.max(i, j) + 1;
        if (to - from < Math.min(2, minReadings)) {
            return null;
        }
        double[] b = u.slice(u.time(from), u.time(to - 1) + 1).values();
        double[] v = signal.volume().slice(u.time(from), u.time(to - 1) + 1).values();
        double noise = signal.noise().max(u.time(from), u.time(to - 1));
        double spread = to - from >= 3 ? SeriesMath.robustSd(b) : 0;
        double factor = settings.get(FuelSetting.STABLE_SPREAD_FACTOR);
        boolean stable = to - from >= minReadings && spread <= factor * noise && level(b, noise, factor);
        double levelSd = 1.2533 * Math.max(noise, spread) / Math.sqrt(to - from);
        return new Step.Window(u.time(from), u.time(to - 1), SeriesMath.median(b), SeriesMath.median(v), to - from,
            spread, noise, levelSd, stable);
    }

    /**
     * Whether the medians of the two halves of {@code b} agree within {@code factor} standard deviations of their
     * difference: a window whose readings cluster by chance on one side of a swing is not quiet.
     */
    private static boolean level(double[] b, double noise, double factor) {
        int half = b.length / 2;
        if (half < 2) {
            return true;
        }
        double diff = SeriesMath.median(b, 0, half) - SeriesMath.median(b, b.length - half, b.length);
        return Math.abs(diff) <= factor * 1.2533 * noise * Math.sqrt(2.0 / half);
    }

    private static boolean beyond(long t, int side, long limit) {
        return side > 0 ? t > limit : t < limit;
    }
}
