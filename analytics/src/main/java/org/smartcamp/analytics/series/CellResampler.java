package org.smartcamp.analytics.series;

import java.util.Arrays;

/**
 * Resamples a {@link Series} onto a {@link CellGrid} under a {@link GapPolicy}: each sample holds its value until
 * the next one; a gap holds the last sample for the series' usual spacing (the median spacing, at most
 * {@code maxGapMs}), is bridged with the mean of its two sides up to {@code maxBridgeMs}, and is unknown beyond.
 * The last sample holds for the usual spacing. Time before the first sample is unknown.
 */
public final class CellResampler {
    private CellResampler() {
    }

    /** The cell means, known and measured shares of {@code series} on {@code grid}. */
    public static CellSeries resample(Series series, CellGrid grid, GapPolicy gaps) {
        Accumulator acc = new Accumulator(grid);
        if (series.isEmpty()) {
            return acc.result();
        }
        long usual = Math.min(gaps.maxGapMs(), SeriesSpacing.median(series, gaps.maxGapMs()));
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
