package org.smartcamp.analytics.power;

import java.time.Instant;
import java.util.List;

/** Computes a camp's {@link CampBucket} over a range of cells. */
final class CampFigures {
    private final CampCells cells;
    private final PowerSettings settings;
    private final double f1;

    CampFigures(CampCells cells, PowerSettings settings) {
        this.cells = cells;
        this.settings = settings;
        this.f1 = ratedWeightedF1(cells.plant.generators(), settings);
    }

    CampBucket bucket(int a, int b) {
        CoveredValue gen = sum(cells.generators.stream().map(g -> g.energy(a, b)).toList());
        CoveredValue pv = sum(cells.pv.stream().map(p -> p.supplied(a, b)).toList());
        CoveredValue dis = cells.battery == null ? new CoveredValue(0, 1) : cells.battery.supplied(a, b);
        CoveredValue chg = cells.battery == null ? new CoveredValue(0, 1) : cells.battery.taken(a, b);
        CoveredValue load = combine(gen.value() + pv.value() + dis.value() - chg.value(), gen, pv, dis, chg);
        CoveredValue fraction = load.known() && load.value() > 0
            ? combine(pv.value() / load.value(), pv, load) : CoveredValue.unknown();
        CoveredValue displaced = pv.known() ? combine(f1 * pv.value() + hoursOffSaving(a, b), pv)
            : CoveredValue.unknown();
        CoveredValue cycles = cells.battery == null || !dis.known() ? CoveredValue.unknown()
            : new CoveredValue(dis.value() / cells.plant.battery().capacityKwh(), dis.coverage());
        double[] upDown = upDownHours(a, b);
        double hours = (cells.grid.end(b - 1) - cells.grid.start(a)) / 3_600_000.0;
        double verdict = (upDown[0] + upDown[1]) / hours;
        CoveredValue availability = upDown[0] + upDown[1] == 0 ? CoveredValue.unknown()
            : new CoveredValue(upDown[0] / (upDown[0] + upDown[1]), verdict);
        return new CampBucket(Instant.ofEpochMilli(cells.grid.start(a)), Instant.ofEpochMilli(cells.grid.end(b - 1)),
            gen, pv, dis, chg, load, fraction, displaced, cycles, availability,
            upDown[0] + upDown[1] == 0 ? CoveredValue.unknown() : new CoveredValue(upDown[1], verdict));
    }

    /** Hours up and down in cells {@code [a, b)}. */
    double[] upDownHours(int a, int b) {
        double[] h = new double[2];
        for (int c = a; c < b; c++) {
            if (cells.outages.state()[c] == OutageDetector.UP) {
                h[0] += cells.grid.hours(c);
            } else if (cells.outages.state()[c] == OutageDetector.DOWN) {
                h[1] += cells.grid.hours(c);
            }
        }
        return h;
    }

    /**
     * Litres of no-load fuel saved in cells where every set was known to be off while PV or the battery carried the
     * load: for each such cell, {@code f0 * rated} of the smallest set that could have carried the load at the sizing
     * factor (the largest when none could).
     */
    private double hoursOffSaving(int a, int b) {
        List<GeneratorRating> sets = cells.plant.generators();
        if (sets.isEmpty()) {
            return 0;
        }
        double litres = 0;
        for (int c = a; c < b; c++) {
            if (allOff(c) && renewableSupplied(c) && cells.load.known(c)
                    && cells.load.mean(c) > settings.signal().supplyThresholdKw()) {
                GeneratorRating set = smallestCarrying(sets, cells.load.mean(c));
                litres += set.f0() * set.ratedKw() * cells.grid.hours(c) * cells.load.knownShare(c);
            }
        }
        return litres;
    }

    private boolean renewableSupplied(int c) {
        SourceCells battery = cells.battery;
        double kw = battery != null && battery.power.known(c) ? Math.max(0, battery.power.mean(c)) : 0;
        for (SourceCells p : cells.pv) {
            kw += p.power.known(c) ? Math.max(0, p.power.mean(c)) : 0;
        }
        return kw > settings.signal().supplyThresholdKw();
    }

    private boolean allOff(int c) {
        for (GeneratorCells g : cells.generators) {
            if (!g.running.known(c) || g.running.mean(c) > 0) {
                return false;
            }
        }
        return true;
    }

    private GeneratorRating smallestCarrying(List<GeneratorRating> sets, double kw) {
        GeneratorRating best = null;
        GeneratorRating largest = sets.get(0);
        for (GeneratorRating g : sets) {
            largest = g.ratedKw() > largest.ratedKw() ? g : largest;
            if (g.ratedKw() * settings.sizing().factor() >= kw && (best == null || g.ratedKw() < best.ratedKw())) {
                best = g;
            }
        }
        return best == null ? largest : best;
    }

    private static double ratedWeightedF1(List<GeneratorRating> sets, PowerSettings settings) {
        double rated = sets.stream().mapToDouble(GeneratorRating::ratedKw).sum();
        return rated == 0 ? settings.fuel().defaultF1()
            : sets.stream().mapToDouble(g -> g.f1() * g.ratedKw()).sum() / rated;
    }

    /** The sum of the known parts, covered as the parts are on average; unknown when none is known. */
    static CoveredValue sum(List<CoveredValue> parts) {
        if (parts.isEmpty()) {
            return new CoveredValue(0, 1);
        }
        double sum = 0;
        double coverage = 0;
        boolean any = false;
        for (CoveredValue p : parts) {
            if (p.known()) {
                sum += p.value();
                any = true;
            }
            coverage += p.coverage();
        }
        return any ? new CoveredValue(sum, coverage / parts.size()) : CoveredValue.unknown();
    }

    /** {@code value} covered as the least covered input; unknown when an input is. */
    private static CoveredValue combine(double value, CoveredValue... inputs) {
        double coverage = 1;
        for (CoveredValue v : inputs) {
            if (!v.known()) {
                return CoveredValue.unknown();
            }
            coverage = Math.min(coverage, v.coverage());
        }
        return new CoveredValue(value, coverage);
    }
}
