package org.smartcamp.analytics.power;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.EventKind;
import org.smartcamp.analytics.event.Evidence;

/**
 * Finds sustained LOW_LOAD and OVERLOAD periods of a running generator: the load factor smoothed over
 * {@code power.eventSmoothing} stays below the low-load (above the overload) threshold for at least the minimum
 * duration; periods closer than {@code power.eventMergeGap} merge. A stop or missing readings end a period. A
 * low-load period carries the fuel it lost against the reference load and whether it risked wet stacking.
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
        for (int[] run : runs(cells, smooth, lf -> lf < bands.lowLoad(), rules.lowLoadMin().toMillis())) {
            out.add(event(EventKind.LOW_LOAD, cells, smooth, run[0], run[1]));
        }
        for (int[] run : runs(cells, smooth, lf -> lf > bands.overload(), rules.overloadMin().toMillis())) {
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

    private static boolean running(GeneratorCells cells, int c) {
        return !Double.isNaN(cells.loadFactor(c)) && cells.running.mean(c) >= 0.5;
    }

    /** Runs of cells {@code [from, to)} whose smoothed load factor passes {@code test}, merged and long enough. */
    private List<int[]> runs(GeneratorCells cells, double[] lf, java.util.function.DoublePredicate test,
                             long minMs) {
        long cellMs = cells.grid.cellMs();
        long mergeCells = settings.events().mergeGap().toMillis() / cellMs;
        List<int[]> runs = new ArrayList<>();
        int c = 0;
        while (c < lf.length) {
            if (Double.isNaN(lf[c]) || !test.test(lf[c])) {
                c++;
                continue;
            }
            int start = c;
            while (c < lf.length && !Double.isNaN(lf[c]) && test.test(lf[c])) {
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
        double hours = 0;
        double kwh = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int c = a; c < b; c++) {
            double lf = cells.loadFactor(c);
            if (!Double.isNaN(lf)) {
                hours += cells.runHoursIn(c);
                kwh += lf * r.ratedKw() * cells.runHoursIn(c);
            }
            if (!Double.isNaN(smooth[c])) {
                min = Math.min(min, smooth[c]);
                max = Math.max(max, smooth[c]);
            }
        }
        double mean = hours == 0 ? 0 : kwh / (r.ratedKw() * hours);
        Instant start = Instant.ofEpochMilli(cells.grid.start(a));
        Instant end = Instant.ofEpochMilli(cells.grid.end(b - 1));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("rated_kw", r.ratedKw());
        figures.put("running_h", hours);
        figures.put("energy_kwh", kwh);
        figures.put("load_factor_mean", mean);
        figures.put("load_factor_min", min);
        figures.put("load_factor_max", max);
        String text;
        Double quantity;
        String unit;
        if (kind == EventKind.LOW_LOAD) {
            double lost = Math.max(0, r.f0() * (r.ratedKw() * hours - kwh / settings.fuel().referenceLoadFactor()));
            boolean wet = mean < settings.bands().wetStacking()
                && end.toEpochMilli() - start.toEpochMilli() >= settings.events().wetStackingMin().toMillis();
            figures.put("threshold", settings.bands().lowLoad());
            figures.put("fuel_lost_l", lost);
            figures.put("wet_stacking_risk", wet ? 1.0 : 0.0);
            text = String.format(Locale.ROOT, "Ran %.1f h at a mean load factor of %.2f (below %.2f)%s; about %.1f L "
                + "more fuel than at %.2f load", hours, mean, settings.bands().lowLoad(),
                wet ? ", long enough below " + settings.bands().wetStacking() + " to risk wet stacking" : "", lost,
                settings.fuel().referenceLoadFactor());
            quantity = lost;
            unit = "L";
        } else {
            figures.put("threshold", settings.bands().overload());
            text = String.format(Locale.ROOT, "Ran %.1f h at a mean load factor of %.2f (above %.2f), peak %.2f",
                hours, mean, settings.bands().overload(), max);
            quantity = hours;
            unit = "h";
        }
        Evidence evidence = new Evidence(start, end, "power.active", EvidenceReadings.of(cells.cleanPower, start, end),
            figures, text);
        return new DetectedEvent(kind, r.assetId(), start, end, quantity, unit, evidence);
    }
}
