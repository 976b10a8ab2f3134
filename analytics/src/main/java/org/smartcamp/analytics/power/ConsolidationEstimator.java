package org.smartcamp.analytics.power;

import java.util.List;

/**
 * Fuel that running fewer sets would have saved: in each cell, of the sets running, the ones whose no-load fuel
 * ({@code f0 * rated}) can be saved while the rest still carry the load at the sizing factor are switched off
 * (chosen to save the most); the saving is {@code f0 * sum(rated kW switched off)} L/h (docs/analytics-power.md).
 * Assumes the sets share one grid.
 */
final class ConsolidationEstimator {
    private static final int MAX_EXACT = 12;

    private final double factor;

    ConsolidationEstimator(PowerSettings settings) {
        this.factor = settings.sizing().factor();
    }

    /** Litres saved over the cells, covered by the share of cells where every set's power and state are known. */
    CoveredValue litres(List<GeneratorCells> sets, int cells) {
        int n = Math.min(sets.size(), MAX_EXACT);
        if (n == 0) {
            return CoveredValue.unknown();
        }
        double[] capacity = new double[1 << n];
        double[] noLoad = new double[1 << n];
        for (int m = 1; m < capacity.length; m++) {
            GeneratorRating r = sets.get(Integer.numberOfTrailingZeros(m)).rating;
            capacity[m] = capacity[m & (m - 1)] + r.ratedKw();
            noLoad[m] = noLoad[m & (m - 1)] + r.f0() * r.ratedKw();
        }
        double litres = 0;
        double knownHours = 0;
        double hours = 0;
        for (int c = 0; c < cells; c++) {
            double h = sets.get(0).grid.hours(c);
            hours += h;
            if (allKnown(sets, n, c)) {
                knownHours += h;
                litres += h * saving(running(sets, n, c), load(sets, n, c), capacity, noLoad);
            }
        }
        return new CoveredValue(litres, hours == 0 ? 0 : knownHours / hours);
    }

    private static boolean allKnown(List<GeneratorCells> sets, int n, int c) {
        for (int i = 0; i < n; i++) {
            if (!sets.get(i).running.known(c) || !sets.get(i).power.known(c)) {
                return false;
            }
        }
        return true;
    }

    /** The sets running in cell {@code c} as a bit mask. */
    private static int running(List<GeneratorCells> sets, int n, int c) {
        int mask = 0;
        for (int i = 0; i < n; i++) {
            mask |= sets.get(i).running.mean(c) >= 0.5 ? 1 << i : 0;
        }
        return mask;
    }

    private static double load(List<GeneratorCells> sets, int n, int c) {
        double kw = 0;
        for (int i = 0; i < n; i++) {
            kw += sets.get(i).running.mean(c) >= 0.5 ? Math.max(0, sets.get(i).power.mean(c)) : 0;
        }
        return kw;
    }

    /** L/h saved by keeping the cheapest subset of {@code running} that carries {@code kw}. */
    private double saving(int running, double kw, double[] capacity, double[] noLoad) {
        if (Integer.bitCount(running) < 2) {
            return 0;
        }
        double best = noLoad[running];
        for (int s = (running - 1) & running; s > 0; s = (s - 1) & running) {
            if (capacity[s] * factor >= kw && noLoad[s] < best) {
                best = noLoad[s];
            }
        }
        return noLoad[running] - best;
    }
}
