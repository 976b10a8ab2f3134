package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesThinningTest {
    @Test
    void keepsEveryBucketsLowestAndHighestSampleInTimeOrder() {
        long[] t = new long[1000];
        double[] v = new double[1000];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
            v[i] = i == 777 ? 500 : i % 10;
        }

        Series thin = SeriesThinning.minMax(Series.of(t, v), 20);

        assertThat(thin.size()).isLessThanOrEqualTo(20);
        assertThat(thin.values()).contains(500.0, 0.0, 9.0);
        for (int i = 1; i < thin.size(); i++) {
            assertThat(thin.time(i)).isGreaterThan(thin.time(i - 1));
        }
    }

    @Test
    void aShortSeriesIsKeptWhole() {
        Series s = Series.of(new long[] {1, 2, 3}, new double[] {3, 1, 2});

        assertThat(SeriesThinning.minMax(s, 10)).isSameAs(s);
    }

    @Test
    void theMedianSpacingIgnoresOddGaps() {
        Series s = Series.of(new long[] {0, 10, 20, 30, 1000}, new double[] {0, 0, 0, 0, 0});

        assertThat(SeriesSpacing.median(s, 99)).isEqualTo(10);
        assertThat(SeriesSpacing.median(Series.empty(), 99)).isEqualTo(99);
    }
}
