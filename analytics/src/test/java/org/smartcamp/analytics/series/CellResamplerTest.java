package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CellResamplerTest {
    private static final long MIN = 60_000L;
    private static final GapPolicy GAPS = new GapPolicy(5 * MIN, 60 * MIN);

    @Test
    void eachSampleHoldsUntilTheNextAndTheLastForTheUsualSpacing() {
        Series s = Series.of(new long[] {0, MIN, 2 * MIN}, new double[] {10, 20, 30});
        CellSeries cells = CellResampler.resample(s, new CellGrid(0, 5 * MIN, MIN), GAPS);

        assertThat(cells.mean(0)).isEqualTo(10);
        assertThat(cells.mean(2)).isEqualTo(30);
        assertThat(cells.known(3)).isFalse();
        assertThat(cells.measuredShare(0, 5)).isCloseTo(0.6, within(1e-12));
        assertThat(cells.integralHours(0, 5)).isCloseTo(60.0 / 60, within(1e-12));
    }

    @Test
    void cellsLongerThanTheSpacingTakeTheTimeWeightedMean() {
        Series s = Series.of(new long[] {0, 15 * MIN, 30 * MIN, 45 * MIN}, new double[] {0, 4, 8, 8});
        CellSeries cells = CellResampler.resample(s, new CellGrid(0, 60 * MIN, 60 * MIN),
            new GapPolicy(15 * MIN, 0));

        assertThat(cells.mean(0)).isCloseTo(5, within(1e-12));
        assertThat(cells.measured(0)).isEqualTo(1);
    }

    @Test
    void aGapIsBridgedWithTheMeanOfItsSidesButNotCountedAsMeasured() {
        // one-minute samples of 10, a 30-minute silence, then 30
        Series s = Series.of(new long[] {0, MIN, 31 * MIN, 32 * MIN}, new double[] {10, 10, 30, 30});
        CellSeries cells = CellResampler.resample(s, new CellGrid(0, 33 * MIN, MIN), GAPS);

        assertThat(cells.mean(1)).isEqualTo(10);
        assertThat(cells.mean(10)).isEqualTo(20);
        assertThat(cells.measured(10)).isZero();
        assertThat(cells.knownShare(0, 33)).isEqualTo(1);
        assertThat(cells.measuredShare(0, 33)).isCloseTo(4.0 / 33, within(1e-12));
    }

    @Test
    void aGapLongerThanTheBridgeIsUnknownNeverZero() {
        Series s = Series.of(new long[] {0, MIN, 2 * MIN, 3 * MIN, 120 * MIN}, new double[] {10, 10, 10, 10, 30});
        CellSeries cells = CellResampler.resample(s, new CellGrid(0, 121 * MIN, MIN), GAPS);

        assertThat(cells.known(3)).isTrue();
        assertThat(cells.known(4)).isFalse();
        assertThat(cells.mean(60)).isNaN();
        assertThat(cells.integralHours(0, 121)).isCloseTo((4 * 10 + 30) / 60.0, within(1e-12));
    }

    @Test
    void anEmptySeriesIsUnknownEverywhere() {
        CellSeries cells = CellResampler.resample(Series.empty(), new CellGrid(0, 10 * MIN, MIN), GAPS);

        assertThat(cells.knownShare(0, 10)).isZero();
        assertThat(cells.known(0)).isFalse();
    }

    @Test
    void theGridCountsPartialLastCellsAndClampsIndexes() {
        CellGrid grid = new CellGrid(0, 150 * 1000, MIN);

        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.hours(2)).isCloseTo(30.0 / 3600, within(1e-12));
        assertThat(grid.cellOf(-5)).isZero();
        assertThat(grid.cellOf(10 * MIN)).isEqualTo(2);
        assertThat(grid.firstCellAtOrAfter(MIN + 1)).isEqualTo(2);
    }
}
