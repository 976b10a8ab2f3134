package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CounterTrackTest {
    private static final long H = 3_600_000L;

    private static CounterTrack track(double maxRisePerHour, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * H;
        }
        return CounterTrack.of(Series.of(t, values), maxRisePerHour, 0.5);
    }

    @Test
    void theIncreaseIsInterpolatedBetweenSamples() {
        CounterTrack t = track(100, 100, 110, 130);

        assertThat(t.increase(0, 2 * H)).isEqualTo(30);
        assertThat(t.increase(H / 2, 3 * H / 2)).isCloseTo(15, within(1e-9));
        assertThat(t.totalAt(H + H / 4)).isCloseTo(15, within(1e-9));
    }

    @Test
    void aWindowPartlyOutsideTheSamplesCountsOnlyTheKnownPart() {
        CounterTrack t = track(100, 100, 110);

        assertThat(t.increase(-H, 5 * H)).isEqualTo(10);
        assertThat(t.increase(3 * H, 5 * H)).isNaN();
    }

    @Test
    void aResetCountsTheNewValueAsTheIncrease() {
        CounterTrack t = track(100, 500, 520, 7, 17);

        assertThat(t.increase(0, 3 * H)).isEqualTo(20 + 7 + 10);
        assertThat(t.resets()).isEqualTo(1);
    }

    @Test
    void anImplausibleJumpUpAndBackIsSkipped() {
        CounterTrack t = track(100, 500, 520, 99_999, 540, 550);

        assertThat(t.increase(0, 4 * H)).isEqualTo(20 + 10);
        assertThat(t.rebases()).isEqualTo(2);
        assertThat(t.resets()).isZero();
    }

    @Test
    void backwardJitterIsNotAReset() {
        CounterTrack t = track(100, 500, 499.9, 510);

        assertThat(t.increase(0, 2 * H)).isCloseTo(10.1, within(1e-9));
        assertThat(t.resets()).isZero();
    }

    @Test
    void anEmptyCounterHasNoIncrease() {
        CounterTrack t = CounterTrack.of(Series.empty(), 1, 0);

        assertThat(t.isEmpty()).isTrue();
        assertThat(t.increase(0, H)).isNaN();
    }
}
