package org.smartcamp.analytics.power;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.series.CellGrid;

/** The UTC hours or days of a grid as ranges of cells (the first and last may be partial). */
final class CellPeriods {
    private CellPeriods() {
    }

    /** A range of cells {@code [from, to)}. */
    record Range(int from, int to) {
    }

    /** The grid's UTC periods of {@code unit} ({@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}). */
    static List<Range> of(CellGrid grid, ChronoUnit unit) {
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

    /** The grid for {@code [from, to)} with the settings' cell, which must start on a cell boundary of the hour. */
    static CellGrid grid(Instant from, Instant to, PowerSettings settings) {
        long cell = settings.signal().cell().toMillis();
        if (from.toEpochMilli() % cell != 0) {
            throw new IllegalArgumentException("analysis must start on a whole " + settings.signal().cell()
                + ": " + from);
        }
        return new CellGrid(from.toEpochMilli(), to.toEpochMilli(), cell);
    }
}
