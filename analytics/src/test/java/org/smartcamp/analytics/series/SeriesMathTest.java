package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesMathTest {

    private static Series series(long[] t, double[] v) {
        return Series.of(t, v);
    }

    @Test
    void medianOfOddAndEvenCountsAndOfNothing() {
        assertThat(SeriesMath.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(SeriesMath.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(SeriesMath.median(new double[0])).isNaN();
    }

    @Test
    void runningMedianRemovesAnIsolatedSpikeAndKeepsAStep() {
        Series s = series(new long[] {0, 1, 2, 3, 4, 5, 6}, new double[] {0, 0, 90, 0, 10, 10, 10});
        double[] m = SeriesMath.runningMedian(s, 1);
        assertThat(m).containsExactly(0, 0, 0, 10, 10, 10, 10);
    }

    @Test
    void differenceNoiseIgnoresATrendAndARareStep() {
        double[] v = new double[1000];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = 5 * i + 2 * r.nextGaussian() + (i > 500 ? 1000 : 0);
        }
        assertThat(SeriesMath.differenceNoiseSd(v, 0, v.length)).isCloseTo(2, within(0.15));
    }

    @Test
    void robustSdOfNormalDataIsItsSd() {
        java.util.Random r = new java.util.Random(5);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 7 * r.nextGaussian();
        }
        assertThat(SeriesMath.robustSd(v)).isCloseTo(7, within(0.2));
    }

    @Test
    void splitLeavesOutTheCutRangesAndStartsAPieceAfterEach() {
        Series s = series(new long[] {0, 10, 20, 30, 40, 50}, new double[] {1, 2, 3, 4, 5, 6});
        List<Series> pieces = SeriesMath.split(s, List.of(new long[] {15, 25}, new long[] {45, 60}));
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).values()).containsExactly(1, 2);
        assertThat(pieces.get(1).values()).containsExactly(4, 5);
    }

    @Test
    void typicalIntervalIsTheMedianSpacing() {
        assertThat(SeriesMath.typicalInterval(series(new long[] {0, 60, 120, 1000, 1060}, new double[5])))
            .isEqualTo(60);
    }
}
