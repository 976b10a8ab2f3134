package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativeTest {
    private static final long H = 3_600_000L;

    @Test
    void counterDeltaInARangeInterpolatesBetweenReadings() {
        Cumulative c = Cumulative.ofCounter(Series.of(new long[] {0, H, 2 * H}, new double[] {100, 110, 130}),
            2 * H, 0.5);
        assertThat(c.delta(0, 2 * H)).isEqualTo(30);
        assertThat(c.delta(H / 2, H + H / 2)).isCloseTo(5 + 10, within(1e-9));
        assertThat(c.coverage(0, 2 * H)).isEqualTo(1);
    }

    @Test
    void aResetAddsTheValueAfterItAndCountsAsEstimated() {
        // 100 -> 105, then the controller restarts at 0 and reads 3, then 8
        Cumulative c = Cumulative.ofCounter(Series.of(new long[] {0, H, 2 * H, 3 * H},
            new double[] {100, 105, 3, 8}), 2 * H, 0.5);
        assertThat(c.delta(0, 3 * H)).isEqualTo(5 + 3 + 5);
        assertThat(c.coverage(0, 3 * H)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void aSmallFallIsJitterNotAReset() {
        Cumulative c = Cumulative.ofCounter(Series.of(new long[] {0, H, 2 * H}, new double[] {100, 99.9, 101}),
            2 * H, 0.5);
        assertThat(c.delta(0, 2 * H)).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void aCounterGapInsideARangeCostsNoCoverageButAcrossItsEdgeItDoes() {
        // readings every 10 min, none from 1h to 3h: the delta across the gap is exact, its spread unknown
        Series.Builder b = Series.builder();
        for (long t = 0; t <= 6 * H; t += H / 6) {
            if (t <= H || t >= 3 * H) {
                b.add(t, t / (double) H * 12);
            }
        }
        Cumulative c = Cumulative.ofCounter(b.build(), H / 2, 0.5);
        assertThat(c.delta(0, 6 * H)).isCloseTo(72, within(1e-9));
        assertThat(c.coverage(0, 6 * H)).isEqualTo(1);
        assertThat(c.coverage(0, 2 * H)).isCloseTo(0.5, within(1e-9));
        assertThat(c.delta(0, 2 * H)).as("split in proportion to time").isCloseTo(24, within(1e-9));
    }

    @Test
    void outsideTheReadingsNothingIsKnown() {
        Cumulative c = Cumulative.ofCounter(Series.of(new long[] {H, 2 * H}, new double[] {1, 2}), H, 0.5);
        assertThat(c.at(0)).isNaN();
        assertThat(c.delta(3 * H, 4 * H)).isNaN();
        assertThat(c.coverage(0, 4 * H)).isCloseTo(0.25, within(1e-9));
        assertThat(Cumulative.empty().coverage(0, H)).isZero();
    }

    @Test
    void aRateIsIntegratedByTrapezoidsAndAGapIsEstimatedNotCovered() {
        Series rate = Series.of(new long[] {0, H, 2 * H, 5 * H}, new double[] {10, 20, 20, 40});
        Cumulative c = Cumulative.ofRatePerHour(rate, 2 * H);
        assertThat(c.delta(0, 2 * H)).isCloseTo(15 + 20, within(1e-9));
        assertThat(c.delta(2 * H, 5 * H)).isCloseTo(3 * 30, within(1e-9));
        assertThat(c.coverage(0, 5 * H)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aWeightedSumRunsOverTheCommonRangeAndKeepsTheWorstInterval() {
        Cumulative hours = Cumulative.ofCounter(Series.of(new long[] {0, H, 2 * H}, new double[] {0, 1, 2}), H,
            0.5);
        Cumulative kwh = Cumulative.ofCounter(Series.of(new long[] {0, H / 2, 4 * H}, new double[] {0, 25, 200}),
            H, 0.5);
        Cumulative fuel = Cumulative.weightedSum(List.of(hours, kwh), new double[] {5, 0.25});
        assertThat(fuel.end()).isEqualTo(2 * H);
        assertThat(fuel.delta(0, H)).isCloseTo(5 + 0.25 * 50, within(1e-9));
        assertThat(fuel.coverage(0, H)).isCloseTo(0.5, within(1e-9));
    }
}
