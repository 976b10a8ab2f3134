package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HampelFilterTest {
    private static Series of(double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 60_000L;
        }
        return Series.of(t, values);
    }

    @Test
    void aSpikeIsReplacedByTheMedianOfItsNeighbours() {
        HampelFilter.Result r = new HampelFilter(3, 5, 1).filter(of(50, 51, 49, 150, 50, 52, 48, 50));

        assertThat(r.replaced()).isEqualTo(1);
        assertThat(r.series().value(3)).isEqualTo(50);
        assertThat(r.series().value(1)).isEqualTo(51);
    }

    @Test
    void aStepSurvives() {
        Series step = of(0, 0, 0, 0, 0, 80, 80, 80, 80, 80);

        HampelFilter.Result r = new HampelFilter(3, 5, 1).filter(step);

        assertThat(r.replaced()).isZero();
        assertThat(r.series()).isSameAs(step);
    }

    @Test
    void noiseWithinTheScaleIsKept() {
        HampelFilter.Result r = new HampelFilter(2, 3, 5).filter(of(50, 53, 47, 54, 46, 50));

        assertThat(r.replaced()).isZero();
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new HampelFilter(0, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
