package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theBoundDoublesFromTheBaseUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), () -> 1);
        assertThat(b.bound(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.bound(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(b.bound(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(b.bound(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.bound(1_000_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.delay(3)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void fullJitterSpreadsTheWaitsOverTheWholeBound() {
        Random random = new Random(42);
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = b.delay(4).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            sum += ms;
        }
        assertThat(min).isLessThan(100);
        assertThat(max).isBetween(7_900L, 8_000L);
        assertThat(sum / 10_000.0).isBetween(3_800.0, 4_200.0);
    }
}
