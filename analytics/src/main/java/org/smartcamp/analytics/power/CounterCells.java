package org.smartcamp.analytics.power;

import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.CounterTrack;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.Series;

/**
 * A cumulative counter read over ranges of grid cells: the increase from its robust {@link CounterTrack}, covered by
 * the share of the range between readings no further apart than the gap policy's {@code maxGap}. Also integrates a
 * gauge, the usual alternative when a counter is missing.
 */
public final class CounterCells {
    private final CounterTrack track;
    private final long maxGapMs;
    private final CellGrid grid;
    private final Series readings;

    private CounterCells(CounterTrack track, long maxGapMs, CellGrid grid, Series readings) {
        this.track = track;
        this.maxGapMs = maxGapMs;
        this.grid = grid;
        this.readings = readings;
    }

    /** The counter {@code s}, rising at most {@code maxRisePerHour} (plus {@code slack}) per hour. */
    public static CounterCells of(Series s, double maxRisePerHour, double slack, CellGrid grid, GapPolicy gaps) {
        return new CounterCells(CounterTrack.of(s, maxRisePerHour, slack), gaps.maxGapMs(), grid, s);
    }

    /** Whether the counter has readings. */
    public boolean present() {
        return !track.isEmpty();
    }

    /**
     * The increase over cells {@code [a, b)}, covered by the share of them between readings at most
     * {@code maxGap} apart; unknown when no reading spans them.
     */
    public CoveredValue increase(int a, int b) {
        long from = grid.start(a);
        long to = grid.end(b - 1);
        double v = track.increase(from, to);
        return Double.isNaN(v) ? CoveredValue.unknown()
            : new CoveredValue(v, (double) track.measuredMs(from, to, maxGapMs) / (to - from));
    }

    /** The raw readings. */
    public Series readings() {
        return readings;
    }

    /** The track. */
    public CounterTrack track() {
        return track;
    }

    /** The integral of a gauge over cells {@code [a, b)} (value-hours), covered by its measured share. */
    public static CoveredValue integral(CellSeries s, int a, int b) {
        if (s.knownShare(a, b) == 0) {
            return CoveredValue.unknown();
        }
        return new CoveredValue(s.integralHours(a, b), s.measuredShare(a, b));
    }
}
