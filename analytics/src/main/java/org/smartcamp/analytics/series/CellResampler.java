package org.smartcamp.analytics.series;

import java.util.Arrays;
import org.smartcamp.ingest.catalogue.Sampling;

/**
 * Resamples a {@link Series} onto a {@link CellGrid} under a {@link GapPolicy}, as the metric's {@link Sampling}
 * says a reading stands. An {@code INSTANT} sample holds its value until the next one; a gap holds the last sample
 * for the series' usual spacing (the median spacing, at most {@code maxGapMs}), is bridged with the mean of its two
 * sides up to {@code maxBridgeMs}, and is unknown beyond; the last sample holds for the usual spacing and time
 * before the first is unknown. An {@code AVERAGED} sample (a meter's mean over its interval) stands for the time
 * since the previous one; after a gap it stands for the usual spacing before it, the rest of the gap is bridged
 * the same way; the first stands for the usual spacing before it and time after the last is unknown.
 */
public final class CellResampler {
    private CellResampler() {
    }

    /** The cell means, known and measured shares of {@code series} (instant readings) on {@code grid}. */
    public static CellSeries resample(Series series, CellGrid grid, GapPolicy gaps) {
        return resample(series, grid, gaps, Sampling.INSTANT);
    }

    /** The cell means, known and measured shares of {@code series} on {@code grid}, read as {@code sampling}. */
    public static CellSeries resample(Series series, CellGrid grid, GapPolicy gaps, Sampling sampling) {
        Accumulator acc = new Accumulator(grid);
        if (series.isEmpty()) {
            return acc.result();
        }
        long usual = Math.min(gaps.maxGapMs(), SeriesSpacing.median(series, gaps.maxGapMs()));
        if (sampling == Sampling.AVERAGED) {
            averaged(series, grid, gaps, usual, acc);
            return acc.result();
        }
        int first = Math.max(0, series.indexAtOrAfter(grid.from()) - 1);
        int last = Math.min(series.size() - 1, series.indexAtOrAfter(grid.to()));
        for (int i = first; i <= last; i++) {
            long t = series.time(i);
            double v = series.value(i);
            if (i == series.size() - 1) {
                acc.add(t, t + usual, v, true);
                continue;
            }
            long next = series.time(i + 1);
            if (next - t <= gaps.maxGapMs()) {
                acc.add(t, next, v, true);
                continue;
            }
            acc.add(t, t + usual, v, true);
            if (next - t - usual <= gaps.maxBridgeMs()) {
                acc.add(t + usual, next, (v + series.value(i + 1)) / 2, false);
            }
        }
        return acc.result();
    }

    private static void averaged(Series series, CellGrid grid, GapPolicy gaps, long usual, Accumulator acc) {
        int first = Math.max(0, series.indexAtOrAfter(grid.from()));
        int last = Math.min(series.size() - 1, series.indexAtOrAfter(grid.to()));
        for (int i = first; i <= last; i++) {
            long t = series.time(i);
            double v = series.value(i);
            if (i == 0) {
                acc.add(t - usual, t, v, true);
                continue;
            }
            long previous = series.time(i - 1);
            if (t - previous <= gaps.maxGapMs()) {
                acc.add(previous, t, v, true);
                continue;
            }
            acc.add(t - usual, t, v, true);
            if (t - usual - previous <= gaps.maxBridgeMs()) {
                acc.add(previous, t - usual, (v + series.value(i - 1)) / 2, false);
            }
        }
    }

    /** Sums value-time, known time and measured time per cell. */
    private static final class Accumulator {
        private final CellGrid grid;
        private final double[] sum;
        private final double[] knownMs;
        private final double[] measuredMs;

        Accumulator(CellGrid grid) {
            this.grid = grid;
            this.sum = new double[grid.size()];
            this.knownMs = new double[grid.size()];
            this.measuredMs = new double[grid.size()];
        }

        void add(long from, long to, double value, boolean measured) {
            long a = Math.max(from, grid.from());
            long b = Math.min(to, grid.to());
            for (int c = grid.cellOf(a); a < b && c < grid.size(); c++) {
                long overlap = Math.min(b, grid.end(c)) - Math.max(a, grid.start(c));
                if (overlap > 0) {
                    sum[c] += value * overlap;
                    knownMs[c] += overlap;
                    if (measured) {
                        measuredMs[c] += overlap;
                    }
                }
                if (grid.end(c) >= b) {
                    break;
                }
            }
        }

        CellSeries result() {
            double[] mean = new double[sum.length];
            double[] known = new double[sum.length];
            double[] measured = new double[sum.length];
            Arrays.fill(mean, Double.NaN);
            for (int c = 0; c < sum.length; c++) {
                double len = grid.end(c) - grid.start(c);
                if (knownMs[c] > 0) {
                    mean[c] = sum[c] / knownMs[c];
                }
                known[c] = Math.min(1, knownMs[c] / len);
                measured[c] = Math.min(1, measuredMs[c] / len);
            }
            return new CellSeries(grid, mean, known, measured);
        }
    }
}
