package org.smartcamp.analytics.assets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.series.GridPeriods;

/**
 * Measures a vehicle's idle consumption from its own data: over well-covered hours, fuel used is fitted by least
 * squares (no intercept) as {@code idleRate * idleHours + perKm * km}. The fit is used when enough hours had both
 * idling and driving, both coefficients are positive and the fit explains at least {@code asset.idleFitMinR2} of the
 * fuel (uncentred R squared); otherwise the asset's own rate, else the default.
 */
final class IdleRateFit {
    private static final double MIN_COVERAGE = 0.9;

    private final AssetSettings settings;

    IdleRateFit(AssetSettings settings) {
        this.settings = settings;
    }

    IdleRate rate(AssetRating rating, UsageCells cells, List<GridPeriods.Range> hours) {
        IdleRate fallback = rating.idleLitresPerHour() != null
            ? new IdleRate(rating.idleLitresPerHour(), "asset", Double.NaN, 0)
            : new IdleRate(settings.idleLitresPerHour(), "default", Double.NaN, 0);
        List<double[]> rows = new ArrayList<>();
        int both = 0;
        for (GridPeriods.Range h : hours) {
            CoveredValue fuel = cells.fuel(h.from(), h.to());
            CoveredValue idle = cells.idleHours(h.from(), h.to());
            CoveredValue km = cells.km(h.from(), h.to());
            if (covered(fuel) && covered(idle) && covered(km) && idle.value() + km.value() > 0) {
                rows.add(new double[] {fuel.value(), idle.value(), km.value()});
                both += idle.value() > 0 && km.value() > 0 ? 1 : 0;
            }
        }
        if (both < settings.idleFitMinHours()) {
            return fallback;
        }
        return fit(rows).filter(r -> r.r2() >= settings.idleFitMinR2()).orElse(fallback);
    }

    private static boolean covered(CoveredValue v) {
        return v.known() && v.coverage() >= MIN_COVERAGE;
    }

    private static Optional<IdleRate> fit(List<double[]> rows) {
        double[] y = new double[rows.size()];
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i)[0];
            x[i] = new double[] {rows.get(i)[1], rows.get(i)[2]};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        try {
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            double total = 0;
            for (double v : y) {
                total += v * v;
            }
            double r2 = total == 0 ? 0 : 1 - ols.calculateResidualSumOfSquares() / total;
            return beta[0] > 0 && beta[1] > 0 ? Optional.of(new IdleRate(beta[0], "measured", r2, y.length))
                : Optional.empty();
        } catch (IllegalArgumentException e) {
            // singular (e.g. never idled or never drove) or too few rows: no measurement
            return Optional.empty();
        }
    }
}
