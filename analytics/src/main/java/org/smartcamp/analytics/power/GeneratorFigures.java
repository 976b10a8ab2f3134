package org.smartcamp.analytics.power;

import java.time.Instant;

/** Computes a generator's {@link GeneratorBucket} over a range of cells. */
final class GeneratorFigures {
    private final GeneratorCells cells;
    private final PowerSettings.LoadBands bands;
    private final double referenceLf;

    GeneratorFigures(GeneratorCells cells, PowerSettings settings) {
        this.cells = cells;
        this.bands = settings.bands();
        this.referenceLf = settings.fuel().referenceLoadFactor();
    }

    /** An hour's (or any short period's) figures; its low-load penalty comes from its own mean load. */
    GeneratorBucket hour(int a, int b) {
        CoveredValue energy = cells.energy(a, b);
        CoveredValue hours = cells.runHours(a, b);
        CoveredValue penalty = CoveredValue.unknown();
        if (energy.known() && hours.known()) {
            GeneratorRating r = cells.rating;
            double lost = Math.max(0, r.f0() * (r.ratedKw() * hours.value() - energy.value() / referenceLf));
            penalty = new CoveredValue(lost, Math.min(energy.coverage(), hours.coverage()));
        }
        return bucket(a, b, energy, hours, penalty);
    }

    /** A longer period's figures with the penalty summed from its hours. */
    GeneratorBucket period(int a, int b, CoveredValue penalty) {
        return bucket(a, b, cells.energy(a, b), cells.runHours(a, b), penalty);
    }

    private GeneratorBucket bucket(int a, int b, CoveredValue energy, CoveredValue hours, CoveredValue penalty) {
        GeneratorRating r = cells.rating;
        double cov = Math.min(energy.coverage(), hours.coverage());
        CoveredValue lf = hours.known() && energy.known() && hours.value() > 0
            ? new CoveredValue(energy.value() / (r.ratedKw() * hours.value()), cov) : CoveredValue.unknown();
        CoveredValue expected = energy.known() && hours.known()
            ? new CoveredValue(r.expectedFuel(hours.value(), energy.value()), cov) : CoveredValue.unknown();
        CoveredValue fuel = cells.fuel(a, b);
        double[] band = bandHours(a, b);
        double signalCov = cells.signalCoverage(a, b);
        Instant start = Instant.ofEpochMilli(cells.grid.start(a));
        return new GeneratorBucket(start, Instant.ofEpochMilli(cells.grid.end(b - 1)), energy, hours,
            cells.starts(a, b), lf, fuel, expected, perKwh(fuel, energy), perKwh(expected, energy),
            new CoveredValue(band[0], signalCov), new CoveredValue(band[1], signalCov),
            new CoveredValue(band[4], signalCov), new CoveredValue(band[2], signalCov),
            new CoveredValue(band[3], signalCov), penalty);
    }

    /**
     * Running hours below low load, below wet stacking, above the rating, within the target band and in the
     * high-load band (above the high-load threshold, within the rating).
     */
    private double[] bandHours(int a, int b) {
        double[] h = new double[5];
        for (int c = a; c < b; c++) {
            double lf = cells.loadFactor(c);
            if (Double.isNaN(lf)) {
                continue;
            }
            double run = cells.runHoursIn(c);
            h[0] += lf < bands.lowLoad() ? run : 0;
            h[1] += lf < bands.wetStacking() ? run : 0;
            h[2] += lf > bands.overload() ? run : 0;
            h[3] += lf >= bands.targetMin() && lf <= bands.targetMax() ? run : 0;
            h[4] += lf > bands.highLoad() && lf <= bands.overload() ? run : 0;
        }
        return h;
    }

    private static CoveredValue perKwh(CoveredValue litres, CoveredValue energy) {
        if (!litres.known() || !energy.known() || energy.value() <= 0) {
            return CoveredValue.unknown();
        }
        return new CoveredValue(litres.value() / energy.value(), Math.min(litres.coverage(), energy.coverage()));
    }
}
