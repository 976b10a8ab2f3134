package org.smartcamp.analytics.power;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Figure;

/**
 * Finds sustained LOW_LOAD and OVERLOAD periods of a running generator: the load factor smoothed over
 * {@code power.eventSmoothing} stays below the low-load threshold, or beyond what the set's rating allows, for at
 * least the minimum duration; periods closer than {@code power.eventMergeGap} merge. A stop or missing readings end a
 * period. A low-load period carries the fuel it lost against the reference load and whether it risked wet stacking.
 *
 * <p>Beyond the rating means above {@code overloadThreshold} (the rating, 1.0) plus the meter tolerance; for a prime
 * rating only once the prime allowance is used up (more than {@code primeOverloadTime} above the rating within the
 * trailing {@code primeOverloadWindow}) or above the rating plus {@code primeOverload}. The high-load band below the
 * rating (cycle charging, a well-sized set at peak) is a figure, never an event.
 */
final class LoadEventDetector {
    private final PowerSettings settings;

    LoadEventDetector(PowerSettings settings) {
        this.settings = settings;
    }

    List<DetectedEvent> detect(GeneratorCells cells) {
        double[] smooth = smoothedLoadFactor(cells);
        List<DetectedEvent> out = new ArrayList<>();
        PowerSettings.LoadBands bands = settings.bands();
        PowerSettings.EventRules rules = settings.events();
        for (int[] run : runs(cells, smooth, c -> smooth[c] < bands.lowLoad(), rules.lowLoadMin().toMillis())) {
            out.add(event(EventKind.LOW_LOAD, cells, smooth, run[0], run[1]));
        }
        boolean[] beyond = beyondRating(cells, smooth);
        for (int[] run : runs(cells, smooth, c -> beyond[c], rules.overloadMin().toMillis())) {
            out.add(event(EventKind.OVERLOAD, cells, smooth, run[0], run[1]));
        }
        out.sort((x, y) -> x.start().compareTo(y.start()));
        return out;
    }

    /** Running load factor averaged over the smoothing window around each cell; NaN where not running. */
    private double[] smoothedLoadFactor(GeneratorCells cells) {
        int n = cells.grid.size();
        double[] kwh = new double[n + 1];
        double[] hours = new double[n + 1];
        for (int c = 0; c < n; c++) {
            double lf = cells.loadFactor(c);
            double h = Double.isNaN(lf) ? 0 : cells.runHoursIn(c);
            hours[c + 1] = hours[c] + h;
            kwh[c + 1] = kwh[c] + (Double.isNaN(lf) ? 0 : lf * h);
        }
        int half = (int) Math.max(0, settings.events().smoothing().toMillis() / cells.grid.cellMs() / 2);
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            int a = Math.max(0, c - half);
            int b = Math.min(n, c + half + 1);
            double h = hours[b] - hours[a];
            out[c] = running(cells, c) && h > 0 ? (kwh[b] - kwh[a]) / h : Double.NaN;
        }
        return out;
    }

    /**
     * The cells whose smoothed load is beyond what the rating allows: above the rating plus the prime allowance
     * (none for continuous and standby ratings), or above the rating once the allowance's time in its trailing
     * window is used up.
     */
    private boolean[] beyondRating(GeneratorCells cells, double[] lf) {
        PowerSettings.RatingRules rating = settings.events().rating();
        double limit = settings.bands().overload() + rating.tolerance();
        double hardLimit = limit + (rating.ratingClass().hasOverloadAllowance() ? rating.primeOverload() : 0);
        int window = (int) Math.max(1, rating.primeOverloadWindow().toMillis() / cells.grid.cellMs());
        double allowedHours = rating.primeOverloadTime().toMillis() / 3_600_000.0;
        double[] aboveHours = new double[lf.length + 1];
        for (int c = 0; c < lf.length; c++) {
            aboveHours[c + 1] = aboveHours[c] + (!Double.isNaN(lf[c]) && lf[c] > limit ? cells.runHoursIn(c) : 0);
        }
        boolean[] out = new boolean[lf.length];
        for (int c = 0; c < lf.length; c++) {
            if (Double.isNaN(lf[c]) || lf[c] <= limit) {
                continue;
            }
            double used = aboveHours[c + 1] - aboveHours[Math.max(0, c + 1 - window)];
            out[c] = lf[c] > hardLimit || used > allowedHours + 1e-9;
        }
        return out;
    }

    private static boolean running(GeneratorCells cells, int c) {
        return !Double.isNaN(cells.loadFactor(c)) && cells.running.mean(c) >= 0.5;
    }

    /** Runs of running cells {@code [from, to)} that pass {@code test}, merged and long enough. */
    private List<int[]> runs(GeneratorCells cells, double[] lf, IntPredicate test, long minMs) {
        long cellMs = cells.grid.cellMs();
        long mergeCells = settings.events().mergeGap().toMillis() / cellMs;
        List<int[]> runs = new ArrayList<>();
        int c = 0;
        while (c < lf.length) {
            if (Double.isNaN(lf[c]) || !test.test(c)) {
                c++;
                continue;
            }
            int start = c;
            while (c < lf.length && !Double.isNaN(lf[c]) && test.test(c)) {
                c++;
            }
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && start - last[1] <= mergeCells) {
                last[1] = c;
            } else {
                runs.add(new int[] {start, c});
            }
        }
        runs.removeIf(r -> cells.grid.end(r[1] - 1) - cells.grid.start(r[0]) < minMs);
        return runs;
    }

    private DetectedEvent event(EventKind kind, GeneratorCells cells, double[] smooth, int a, int b) {
        GeneratorRating r = cells.rating;
        Instant start = Instant.ofEpochMilli(cells.grid.start(a));
        Instant end = Instant.ofEpochMilli(cells.grid.end(b - 1));
        Stats st = Stats.of(cells, smooth, a, b);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("rated_kw", r.ratedKw());
        figures.put(Figure.RUNNING_H.id(), st.hours());
        figures.put(Figure.ENERGY_KWH.id(), st.kwh());
        figures.put("load_factor_mean", st.mean());
        figures.put("load_factor_min", st.min());
        figures.put("load_factor_max", st.max());
        String text;
        double quantity;
        if (kind == EventKind.LOW_LOAD) {
            quantity = Math.max(0, r.f0() * (r.ratedKw() * st.hours() - st.kwh()
                / settings.fuel().referenceLoadFactor()));
            boolean wet = st.mean() < settings.bands().wetStacking()
                && Duration.between(start, end).compareTo(settings.events().wetStackingMin()) >= 0;
            figures.put("threshold", settings.bands().lowLoad());
            figures.put("fuel_lost_l", quantity);
            figures.put("wet_stacking_risk", wet ? 1.0 : 0.0);
            text = String.format(Locale.ROOT, "Ran %.1f h at a mean load factor of %.2f (below %.2f)%s; about %.1f L "
                + "more fuel than at %.2f load", st.hours(), st.mean(), settings.bands().lowLoad(),
                wet ? ", long enough below " + settings.bands().wetStacking() + " to risk wet stacking" : "", quantity,
                settings.fuel().referenceLoadFactor());
        } else {
            PowerSettings.RatingRules rating = settings.events().rating();
            quantity = st.hours();
            figures.put("threshold", settings.bands().overload());
            text = String.format(Locale.ROOT, "Ran %.1f h at a mean load factor of %.2f, peak %.2f, beyond its %s "
                + "rating (%.2f)%s", st.hours(), st.mean(), st.max(), rating.ratingClass().id(),
                settings.bands().overload(), rating.ratingClass().hasOverloadAllowance()
                    ? String.format(Locale.ROOT, " and its allowance of %.0f %% more for %.4g h in %.4g h",
                        100 * rating.primeOverload(), rating.primeOverloadTime().toSeconds() / 3600.0,
                        rating.primeOverloadWindow().toSeconds() / 3600.0) : "");
        }
        Evidence evidence = new Evidence(start, end, "power.active", EvidenceReadings.of(cells.cleanPower, start, end),
            figures, text);
        return new DetectedEvent(kind, r.assetId(), start, end, quantity, kind == EventKind.LOW_LOAD ? "L" : "h",
            evidence);
    }

    /** Running hours, energy and load factors of a period. */
    private record Stats(double hours, double kwh, double mean, double min, double max) {
        static Stats of(GeneratorCells cells, double[] smooth, int a, int b) {
            double hours = 0;
            double kwh = 0;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int c = a; c < b; c++) {
                double lf = cells.loadFactor(c);
                if (!Double.isNaN(lf)) {
                    hours += cells.runHoursIn(c);
                    kwh += lf * cells.rating.ratedKw() * cells.runHoursIn(c);
                }
                if (!Double.isNaN(smooth[c])) {
                    min = Math.min(min, smooth[c]);
                    max = Math.max(max, smooth[c]);
                }
            }
            return new Stats(hours, kwh, hours == 0 ? 0 : kwh / (cells.rating.ratedKw() * hours), min, max);
        }
    }
}
