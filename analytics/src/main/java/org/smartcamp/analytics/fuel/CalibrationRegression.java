package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;

/**
 * The fuel curve's factor for one set, by weighted least squares through every gauge reading of the quiet
 * stretches: {@code fall_i = a_s + k * curve_i + sum_j r_j * leakDays_ji + e_i}, one intercept {@code a_s} per
 * stretch (the level jumps between stretches: refuels, thefts, gaps), {@code k} the factor, {@code r_j} the rate in
 * L/day of each detected leak over its days ({@code leakDays} the days of the leak up to the reading), each reading
 * weighted by the inverse square of its own noise. Fitting the slope through all readings instead of taking the
 * fall between each stretch's two ends (a running median there) cuts the factor's error by the square root of the
 * readings that enter: the ends carry about a third of a reading's noise each, a line through a day of minute
 * readings a tenth. Estimating the leak's rate beside the factor, instead of taking out an estimate made against
 * the curve beforehand, keeps the leak's error out of the factor; the set's running pattern (load changes, stops)
 * tells burn from a leak that runs at the same rate day and night, and the stretches before the leak pin the factor.
 * Each leak's onset is fitted as well (the detector gives its day, not its hour), and a stretch whose residuals step
 * is cut there.
 *
 * <p>The factor's standard error is the regression's, with the residuals' variance and lag-one autocorrelation
 * {@code rho} (widened by {@code (1 + rho) / (1 - rho)}, as slow sloshing and strapping bends are not independent
 * from reading to reading). A prior {@code k = 1 +- } {@link SourceError#CURVE_PRIOR_SIGMA} (the curve is the set's
 * declared consumption, within the ISO 3046 tolerance) is combined with the data by inverse variance: it settles the
 * factor where the data cannot tell it from a leak's rate, and moves it by less than a thousandth of its offset
 * where a day of quiet readings is at hand.
 */
final class CalibrationRegression {
    /** Most autocorrelation of the residuals taken at face value (the inflation is then 19). */
    private static final double MAX_RHO = 0.9;
    private static final double DAY_MS = 86_400_000.0;
    /** Most steps cut out of the stretches. */
    private static final int MAX_CUTS = 20;
    /** A residual step this many standard deviations high is cut out. */
    private static final double STEP_Z = 6;
    private static final long STEP_WINDOW_MINUTES = 60;
    private static final int MIN_STEP_READINGS = 6;
    private static final long ONSET_SEARCH_HOURS = 24;
    private static final long HOUR_MS = 3_600_000L;

    private final Cumulative curve;
    private final Series volume;
    private final double[] sd;
    private final List<LeakLoss> leaks;
    /** Each leak's onset as fitted (first its detected start: the CUSUM's change point, a day's start). */
    private final long[] onset;

    /**
     * @param curve  the fuel curve's cumulative litres
     * @param volume the tank's cleaned readings, litres
     * @param sd     the standard deviation of each reading of {@code volume}
     * @param leaks  the tank's detected leaks (their spans; their rates are estimated here)
     */
    CalibrationRegression(Cumulative curve, Series volume, double[] sd, List<LeakLoss> leaks) {
        this.curve = curve;
        this.volume = volume;
        this.sd = sd;
        this.leaks = leaks;
        this.onset = leaks.stream().mapToLong(l -> l.start().toEpochMilli()).toArray();
    }

    /** The fit's result: the factor, its standard error, the readings used and each leak's rate in L/day. */
    record Result(double factor, double se, int readings, double[] leakRates, double weightedSsr) {
    }

    /**
     * The fit over {@code stretches} ({@code [from, to)} pairs), empty when the factor cannot be told. A stretch
     * whose residuals step (fuel that left or came in unnoticed by the detectors: a theft below their threshold on a
     * noisy gauge) is cut there and the fit repeated: a step {@code S} inside a stretch would tilt its slope by up to
     * {@code 1.5 S} over the stretch's litres, far more than it adds to the fall.
     */
    Optional<Result> fit(List<long[]> stretches) {
        List<long[]> pieces = new ArrayList<>(stretches);
        Optional<Result> first = fitCutting(pieces);
        if (first.isEmpty() || leaks.isEmpty()) {
            return first;
        }
        for (int j = 0; j < leaks.size(); j++) {
            fitOnset(j, pieces);
        }
        return fitCutting(pieces);
    }

    private Optional<Result> fitCutting(List<long[]> pieces) {
        for (int cut = 0; cut <= MAX_CUTS; cut++) {
            Optional<Result> result = fitOnce(pieces);
            if (result.isEmpty() || cut == MAX_CUTS || !cutAtStep(pieces, result.get())) {
                return result;
            }
        }
        return Optional.empty();
    }

    /**
     * The onset of leak {@code j} that fits best (least weighted squares), hour by hour within
     * {@value #ONSET_SEARCH_HOURS} hours of its detected start: the CUSUM finds a leak's day, not its hour, and a
     * leak taken from midnight when it began in the afternoon tilts the factor by its litres in between.
     */
    private void fitOnset(int j, List<long[]> pieces) {
        long detected = leaks.get(j).start().toEpochMilli();
        long end = leaks.get(j).end().toEpochMilli();
        long best = detected;
        double bestSsr = Double.POSITIVE_INFINITY;
        for (long h = -ONSET_SEARCH_HOURS; h <= ONSET_SEARCH_HOURS; h++) {
            long candidate = detected + h * HOUR_MS;
            if (candidate >= end) {
                break;
            }
            onset[j] = candidate;
            Optional<Result> r = fitOnce(pieces);
            if (r.isPresent() && r.get().weightedSsr() < bestSsr) {
                bestSsr = r.get().weightedSsr();
                best = candidate;
            }
        }
        onset[j] = best;
    }

    /**
     * Cuts the piece whose residuals step most, if any steps by more than {@value #STEP_Z} standard deviations
     * between the {@value #STEP_WINDOW_MINUTES} minutes before and after a reading: the piece loses the window
     * around the step. Returns whether it cut.
     */
    private boolean cutAtStep(List<long[]> pieces, Result fit) {
        double best = STEP_Z;
        int bestPiece = -1;
        long bestTime = 0;
        for (int p = 0; p < pieces.size(); p++) {
            long[] piece = pieces.get(p);
            int i0 = volume.indexAtOrAfter(piece[0]);
            int i1 = volume.indexAtOrAfter(piece[1]);
            if (i1 - i0 < 2 * MIN_STEP_READINGS) {
                continue;
            }
            double[] residual = new double[i1 - i0];
            for (int i = i0; i < i1; i++) {
                residual[i - i0] = -volume.value(i) - fit.factor() * curve.at(volume.time(i))
                    - leakLitres(fit, volume.time(i));
            }
            for (int i = i0; i < i1; i++) {
                double z = stepZ(residual, i0, i1, i);
                if (z > best) {
                    best = z;
                    bestPiece = p;
                    bestTime = volume.time(i);
                }
            }
        }
        if (bestPiece < 0) {
            return false;
        }
        long[] piece = pieces.remove(bestPiece);
        long half = STEP_WINDOW_MINUTES * 60_000L;
        // a step near a piece's end leaves one side empty: only pieces that still span time stay
        if (bestTime - half > piece[0]) {
            pieces.add(new long[] {piece[0], bestTime - half});
        }
        if (piece[1] > bestTime + half) {
            pieces.add(new long[] {bestTime + half, piece[1]});
        }
        return true;
    }

    /** How many standard deviations the residuals' mean after reading {@code i} differs from the mean before it. */
    private double stepZ(double[] residual, int i0, int i1, int i) {
        long window = STEP_WINDOW_MINUTES * 60_000L;
        long t = volume.time(i);
        double[] before = new double[3];
        double[] after = new double[3];
        for (int j = volume.indexAtOrAfter(t - window); j < i1 && volume.time(j) < t + window; j++) {
            if (j < i0) {
                continue;
            }
            double[] side = j < i ? before : after;
            double w = 1 / (sd[j] * sd[j]);
            side[0] += w;
            side[1] += w * residual[j - i0];
            side[2]++;
        }
        if (before[2] < MIN_STEP_READINGS || after[2] < MIN_STEP_READINGS) {
            return 0;
        }
        double diff = after[1] / after[0] - before[1] / before[0];
        return Math.abs(diff) / Math.sqrt(1 / before[0] + 1 / after[0]);
    }

    private double leakLitres(Result fit, long t) {
        double litres = 0;
        for (int j = 0; j < leaks.size(); j++) {
            if (!Double.isNaN(fit.leakRates()[j])) {
                long a = onset[j];
                litres += fit.leakRates()[j] * (Math.max(a, Math.min(leaks.get(j).end().toEpochMilli(), t)) - a)
                    / DAY_MS;
            }
        }
        return litres;
    }

    private Optional<Result> fitOnce(List<long[]> stretches) {
        List<double[][]> rows = new ArrayList<>();
        int columns = 1 + leaks.size();
        for (long[] s : stretches) {
            double[][] block = centred(s[0], s[1], columns);
            if (block.length >= 3) {
                rows.add(block);
            }
        }
        int n = rows.stream().mapToInt(b -> b.length).sum();
        if (rows.isEmpty() || n <= rows.size() + columns) {
            return Optional.empty();
        }
        boolean[] used = new boolean[columns];
        RealMatrix a = normal(rows, columns, used);
        if (!used[0]) {
            return Optional.empty();
        }
        DecompositionSolver solver = new LUDecomposition(a).getSolver();
        if (!solver.isNonSingular()) {
            return Optional.empty();
        }
        RealVector theta = solver.solve(rhs(rows, columns, used));
        double[] residuals = residualScale(rows, theta, n - rows.size() - columns);
        double scale = residuals[0];
        RealMatrix precision = a.scalarMultiply(1 / scale);
        double prior = 1 / (SourceError.CURVE_PRIOR_SIGMA * SourceError.CURVE_PRIOR_SIGMA);
        RealVector pull = precision.operate(theta);
        precision.addToEntry(0, 0, prior);
        pull.addToEntry(0, prior);
        DecompositionSolver posterior = new LUDecomposition(precision).getSolver();
        RealVector k = posterior.solve(pull);
        double se = Math.sqrt(posterior.getInverse().getEntry(0, 0));
        double[] rates = new double[leaks.size()];
        for (int j = 0; j < rates.length; j++) {
            rates[j] = used[j + 1] ? k.getEntry(j + 1) : Double.NaN;
        }
        return Optional.of(new Result(k.getEntry(0), se, n, rates, residuals[1]));
    }

    /**
     * The readings of {@code [from, to)} as rows {@code weight, fall, curve, leakDays...}, each column but the
     * weight centred on its weighted mean (the stretch's intercept taken out).
     */
    private double[][] centred(long from, long to, int columns) {
        int i0 = volume.indexAtOrAfter(from);
        int i1 = volume.indexAtOrAfter(to);
        List<double[]> out = new ArrayList<>();
        for (int i = i0; i < i1; i++) {
            long t = volume.time(i);
            double c = curve.at(t);
            if (Double.isNaN(c) || !(sd[i] > 0)) {
                continue;
            }
            double[] row = new double[columns + 2];
            row[0] = 1 / (sd[i] * sd[i]);
            row[1] = -volume.value(i);
            row[2] = c;
            for (int j = 0; j < leaks.size(); j++) {
                long a = onset[j];
                long b = leaks.get(j).end().toEpochMilli();
                row[3 + j] = (Math.max(a, Math.min(b, t)) - a) / DAY_MS;
            }
            out.add(row);
        }
        double w = out.stream().mapToDouble(r -> r[0]).sum();
        for (int c = 1; c < columns + 2; c++) {
            final int col = c;
            double mean = out.stream().mapToDouble(r -> r[0] * r[col]).sum() / w;
            out.forEach(r -> r[col] -= mean);
        }
        return out.toArray(new double[0][]);
    }

    /**
     * The weighted normal matrix of the centred regressors; a regressor that never varies within a stretch (a
     * leak outside every stretch) is marked unused and kept out by a unit diagonal.
     */
    private static RealMatrix normal(List<double[][]> rows, int columns, boolean[] used) {
        double[][] m = new double[columns][columns];
        for (double[][] block : rows) {
            for (double[] r : block) {
                for (int p = 0; p < columns; p++) {
                    for (int q = 0; q < columns; q++) {
                        m[p][q] += r[0] * r[2 + p] * r[2 + q];
                    }
                }
            }
        }
        for (int p = 0; p < columns; p++) {
            used[p] = m[p][p] > 1e-9;
            if (!used[p]) {
                for (int q = 0; q < columns; q++) {
                    m[p][q] = 0;
                    m[q][p] = 0;
                }
                m[p][p] = 1;
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    private static RealVector rhs(List<double[][]> rows, int columns, boolean[] used) {
        double[] v = new double[columns];
        for (double[][] block : rows) {
            for (double[] r : block) {
                for (int p = 0; p < columns; p++) {
                    v[p] += used[p] ? r[0] * r[2 + p] * r[1] : 0;
                }
            }
        }
        return new ArrayRealVector(v, false);
    }

    /**
     * The variance of a reading of unit weight from the residuals, widened for their lag-one autocorrelation
     * within the stretches, and the weighted sum of squared residuals.
     */
    private static double[] residualScale(List<double[][]> rows, RealVector theta, int dof) {
        double sq = 0;
        double lag = 0;
        for (double[][] block : rows) {
            double previous = Double.NaN;
            for (double[] r : block) {
                double e = r[1];
                for (int p = 0; p < theta.getDimension(); p++) {
                    e -= theta.getEntry(p) * r[2 + p];
                }
                double u = e * Math.sqrt(r[0]);
                sq += u * u;
                if (!Double.isNaN(previous)) {
                    lag += u * previous;
                }
                previous = u;
            }
        }
        double rho = sq > 0 ? Math.max(0, Math.min(MAX_RHO, lag / sq)) : 0;
        // a floor keeps readings that fit exactly (hand-made data) from an infinite precision
        return new double[] {Math.max(1e-12, sq / Math.max(1, dof) * (1 + rho) / (1 - rho)), sq};
    }
}
