package org.smartcamp.analytics.series;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The UTC hours or days of a {@link CellGrid} as ranges of cells (the first and last may be partial). */
public final class GridPeriods {
    private GridPeriods() {
    }

    /** A range of cells {@code [from, to)}. */
    public record Range(int from, int to) {
    }

    /** The grid's UTC periods of {@code unit} (e.g. {@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}). */
    public static List<Range> of(CellGrid grid, ChronoUnit unit) {
        List<Range> out = new ArrayList<>();
        Instant t = Instant.ofEpochMilli(grid.from()).truncatedTo(unit);
        while (t.toEpochMilli() < grid.to()) {
            Instant next = t.plus(1, unit);
            int a = grid.firstCellAtOrAfter(Math.max(grid.from(), t.toEpochMilli()));
            int b = grid.firstCellAtOrAfter(Math.min(grid.to(), next.toEpochMilli()));
            if (b > a) {
                out.add(new Range(a, b));
            }
            t = next;
        }
        return out;
    }

    /**
     * The grid of {@code [from, to)} in cells of {@code cellMs}, which must divide an hour and on whose boundary
     * {@code from} must fall, so that hours and days are whole ranges of cells.
     *
     * @throws IllegalArgumentException otherwise, or when the period is empty
     */
    public static CellGrid aligned(Instant from, Instant to, long cellMs) {
        if (3_600_000L % cellMs != 0 || from.toEpochMilli() % cellMs != 0) {
            throw new IllegalArgumentException("analysis must start on a whole cell of " + cellMs + " ms dividing an "
                + "hour: " + from);
        }
        return new CellGrid(from.toEpochMilli(), to.toEpochMilli(), cellMs);
    }
}
