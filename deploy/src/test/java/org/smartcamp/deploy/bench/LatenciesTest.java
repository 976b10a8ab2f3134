package org.smartcamp.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies l = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            l.add(ms * 1_000_000L);
        }

        assertThat(l.count()).isEqualTo(100);
        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(95)).isEqualTo(95.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(l.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void aFewLatenciesAndMergedOnes() {
        Latencies a = new Latencies();
        a.add(3_000_000);
        Latencies b = new Latencies();
        b.add(1_000_000);
        b.add(2_000_000);
        a.addAll(b);

        assertThat(a.percentileMillis(50)).isEqualTo(2.0);
        assertThat(a.percentileMillis(95)).isEqualTo(3.0);
        assertThat(new Latencies().percentileMillis(95)).isNaN();
    }
}
