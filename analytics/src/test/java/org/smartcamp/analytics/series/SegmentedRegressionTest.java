package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentedRegressionTest {
    private static final double DAY = 86_400_000.0;

    private static Series line(long fromMs, int n, long stepMs, double level, double perDay, double sd, long seed) {
        Random r = new Random(seed);
        Series.Builder b = Series.builder();
        for (int i = 0; i < n; i++) {
            long t = fromMs + i * stepMs;
            b.add(t, level + perDay * (t - fromMs) / DAY + sd * r.nextGaussian());
        }
        return b.build();
    }

    @Test
    void twoSegmentsAtDifferentLevelsShareTheirSlope() {
        Series before = line(0, 100, 3_600_000L, 5000, -240, 0, 1);
        Series after = line(200L * 3_600_000L, 100, 3_600_000L, 9000, -240, 0, 2);
        SegmentedRegression fit = SegmentedRegression.fit(List.of(before, after), DAY);
        assertThat(fit.slope()).isCloseTo(-240, within(1e-6));
        assertThat(fit.valueAt(1, 200L * 3_600_000L)).isCloseTo(9000, within(1e-6));
        assertThat(fit.valueAt(0, 0)).isCloseTo(5000, within(1e-6));
        assertThat(fit.samples()).isEqualTo(200);
    }

    @Test
    void theSlopeStandardErrorMatchesTheNoise() {
        // 1000 hourly readings with sd 10: Sxx = n (n^2 - 1) / 12 hours^2, se = 10 / sqrt(Sxx) per hour
        SegmentedRegression fit = SegmentedRegression.fit(List.of(line(0, 1000, 3_600_000L, 0, 24, 10, 3)),
            3_600_000.0);
        double expected = 10 / Math.sqrt(1000.0 * (1000 * 1000 - 1) / 12);
        assertThat(fit.slope()).isCloseTo(1, within(4 * expected));
        assertThat(fit.slopeStandardError()).isCloseTo(expected, within(0.1 * expected));
        assertThat(fit.residualSd()).isCloseTo(10, within(0.6));
    }

    @Test
    void tooFewReadingsGiveNoSlope() {
        SegmentedRegression fit = SegmentedRegression.fit(List.of(Series.of(new long[] {0}, new double[] {1})), DAY);
        assertThat(fit.slope()).isNaN();
        assertThat(fit.slopeStandardError()).isNaN();
    }
}
