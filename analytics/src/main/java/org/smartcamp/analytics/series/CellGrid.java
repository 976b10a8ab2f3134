package org.smartcamp.analytics.series;

/**
 * A regular grid of time cells {@code [from + i * cellMs, from + (i + 1) * cellMs)} covering {@code [from, to)}
 * (epoch milliseconds); the last cell is shorter when the span is not a whole number of cells. Computations that
 * combine several series (a generator's power and running state, a camp's sources) resample them onto one grid.
 *
 * @param from   start of the first cell
 * @param to     end of the last cell
 * @param cellMs cell length
 */
public record CellGrid(long from, long to, long cellMs) {
    private static final double MS_PER_HOUR = 3_600_000.0;

    public CellGrid {
        if (cellMs <= 0) {
            throw new IllegalArgumentException("cell length must be positive: " + cellMs);
        }
        if (to <= from) {
            throw new IllegalArgumentException("grid must end after it starts: " + from + " >= " + to);
        }
    }

    /** Number of cells. */
    public int size() {
        return (int) ((to - from + cellMs - 1) / cellMs);
    }

    /** Start of cell {@code i}. */
    public long start(int i) {
        return from + i * cellMs;
    }

    /** End of cell {@code i}. */
    public long end(int i) {
        return Math.min(to, start(i) + cellMs);
    }

    /** Length of cell {@code i} in hours. */
    public double hours(int i) {
        return (end(i) - start(i)) / MS_PER_HOUR;
    }

    /** Index of the first cell that starts at or after {@code t}, clamped to {@code [0, size()]}. */
    public int firstCellAtOrAfter(long t) {
        if (t <= from) {
            return 0;
        }
        return (int) Math.min(size(), (t - from + cellMs - 1) / cellMs);
    }

    /** Index of the cell holding {@code t}, clamped to {@code [0, size() - 1]}. */
    public int cellOf(long t) {
        return (int) Math.max(0, Math.min(size() - 1, (t - from) / cellMs));
    }
}
