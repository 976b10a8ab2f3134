package org.smartcamp.analytics.series;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A least-squares straight-line fit with one slope shared by several segments of data, each with its own level
 * (for instance a tank's volume between refuels: the burn rate is common, the refuels move the level). Fitted by
 * Apache Commons Math on each segment's deviations from its own means. Times are taken in {@code unitMs}
 * (e.g. days), so the slope is per unit.
 */
public final class SegmentedRegression {
    private final double unitMs;
    private final double slope;
    private final double sxx;
    private final double residualSd;
    private final long n;
    private final double[] meanT;
    private final double[] meanY;
    private final long[] count;

    private SegmentedRegression(double unitMs, double slope, double sxx, double residualSd, long n, double[] meanT,
                                double[] meanY, long[] count) {
        this.unitMs = unitMs;
        this.slope = slope;
        this.sxx = sxx;
        this.residualSd = residualSd;
        this.n = n;
        this.meanT = meanT;
        this.meanY = meanY;
        this.count = count;
    }

    /** A straight line through one series, times in milliseconds. */
    public static SegmentedRegression line(Series s) {
        return fit(List.of(s), 1);
    }

    /**
     * The fit over {@code segments} (empty ones are kept, with no level). The slope is NaN when the segments hold
     * fewer than two samples that differ in time within a segment.
     */
    public static SegmentedRegression fit(List<Series> segments, double unitMs) {
        int k = segments.size();
        double[] meanT = new double[k];
        double[] meanY = new double[k];
        long[] count = new long[k];
        long origin = segments.stream().filter(s -> !s.isEmpty()).mapToLong(s -> s.time(0)).min().orElse(0);
        SimpleRegression r = new SimpleRegression(false);
        for (int j = 0; j < k; j++) {
            Series s = segments.get(j);
            count[j] = s.size();
            for (int i = 0; i < s.size(); i++) {
                meanT[j] += (s.time(i) - origin) / unitMs / s.size();
                meanY[j] += s.value(i) / s.size();
            }
            for (int i = 0; i < s.size(); i++) {
                r.addData((s.time(i) - origin) / unitMs - meanT[j], s.value(i) - meanY[j]);
            }
            meanT[j] = origin / unitMs + meanT[j];
        }
        long n = r.getN();
        double sxx = r.getXSumSquares();
        double slope = n >= 2 && sxx > 0 ? r.getSlope() : Double.NaN;
        long df = n - usedSegments(count) - 1;
        double residualSd = df > 0 && !Double.isNaN(slope) ? Math.sqrt(Math.max(0, r.getSumSquaredErrors()) / df) : 0;
        return new SegmentedRegression(unitMs, slope, sxx, residualSd, n, meanT, meanY, count);
    }

    /** The common slope per time unit; NaN when it cannot be fitted. */
    public double slope() {
        return slope;
    }

    /** The standard error of the slope; NaN when there are too few samples. */
    public double slopeStandardError() {
        return sxx > 0 && n - usedSegments(count) - 1 > 0 ? residualSd / Math.sqrt(sxx) : Double.NaN;
    }

    /** The standard deviation of the residuals (degrees of freedom: samples minus levels minus one). */
    public double residualSd() {
        return residualSd;
    }

    /** Samples used. */
    public long samples() {
        return n;
    }

    /** The fitted value of segment {@code segment} at time {@code t} (epoch ms); NaN for an empty segment. */
    public double valueAt(int segment, long t) {
        if (count[segment] == 0) {
            return Double.NaN;
        }
        double s = Double.isNaN(slope) ? 0 : slope;
        return meanY[segment] + s * (t / unitMs - meanT[segment]);
    }

    /**
     * How much the noise of one sample is scaled in the fitted value of {@code segment} at {@code t}:
     * {@code sqrt(1/n_j + (t - mean_t_j)^2 / Sxx)}.
     */
    public double leverage(int segment, long t) {
        double d = t / unitMs - meanT[segment];
        return Math.sqrt(1.0 / Math.max(1, count[segment]) + (sxx > 0 ? d * d / sxx : 0));
    }

    private static int usedSegments(long[] count) {
        int used = 0;
        for (long c : count) {
            used += c > 0 ? 1 : 0;
        }
        return used;
    }
}
