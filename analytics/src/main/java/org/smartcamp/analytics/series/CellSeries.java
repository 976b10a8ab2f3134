package org.smartcamp.analytics.series;

import java.util.Arrays;

/**
 * A signal resampled onto a {@link CellGrid}. Per cell: the time-weighted mean of the signal over the part of the
 * cell where it is known ({@code NaN} where it is unknown throughout), the share of the cell where it is known
 * (measured or bridged) and the share that was measured (0..1). Built by {@link CellResampler}.
 */
public final class CellSeries {
    private final CellGrid grid;
    private final double[] mean;
    private final double[] known;
    private final double[] measured;

    CellSeries(CellGrid grid, double[] mean, double[] known, double[] measured) {
        this.grid = grid;
        this.mean = mean;
        this.known = known;
        this.measured = measured;
    }

    /**
     * A series of these cell means (NaN: unknown), known shares and measured shares (copied), e.g. a derived
     * signal.
     *
     * @throws IllegalArgumentException when an array does not have one value per cell
     */
    public static CellSeries of(CellGrid grid, double[] mean, double[] known, double[] measured) {
        if (mean.length != grid.size() || known.length != grid.size() || measured.length != grid.size()) {
            throw new IllegalArgumentException("arrays must have one value per cell (" + grid.size() + ")");
        }
        return new CellSeries(grid, mean.clone(), known.clone(), measured.clone());
    }

    /** A series unknown in every cell. */
    public static CellSeries unknown(CellGrid grid) {
        double[] mean = new double[grid.size()];
        Arrays.fill(mean, Double.NaN);
        return new CellSeries(grid, mean, new double[grid.size()], new double[grid.size()]);
    }

    public CellGrid grid() {
        return grid;
    }

    public int size() {
        return mean.length;
    }

    /** Mean of cell {@code i} over its known part, {@code NaN} when unknown throughout. */
    public double mean(int i) {
        return mean[i];
    }

    /** Whether cell {@code i} has a value (measured or bridged) for part of it at least. */
    public boolean known(int i) {
        return !Double.isNaN(mean[i]);
    }

    /** Share of cell {@code i} where the signal is known (measured or bridged), 0..1. */
    public double knownShare(int i) {
        return known[i];
    }

    /** Share of cell {@code i} that was measured, 0..1. */
    public double measured(int i) {
        return measured[i];
    }

    /** Measured share of the cells {@code [a, b)}, weighted by cell length; 0 for an empty range. */
    public double measuredShare(int a, int b) {
        return share(measured, a, b);
    }

    /** Known share of the cells {@code [a, b)}, weighted by cell length; 0 for an empty range. */
    public double knownShare(int a, int b) {
        return share(known, a, b);
    }

    /** Integral of the signal over the known time of the cells {@code [a, b)}, in value-hours. */
    public double integralHours(int a, int b) {
        double sum = 0;
        for (int i = a; i < b; i++) {
            if (known(i)) {
                sum += mean[i] * known[i] * grid.hours(i);
            }
        }
        return sum;
    }

    private double share(double[] shares, int a, int b) {
        double hours = 0;
        double covered = 0;
        for (int i = a; i < b; i++) {
            hours += grid.hours(i);
            covered += shares[i] * grid.hours(i);
        }
        return hours == 0 ? 0 : covered / hours;
    }
}
