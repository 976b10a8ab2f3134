package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.smartcamp.simulator.gateway.Csv;
import org.smartcamp.simulator.scenario.StrappingTable;

/** The small value types the launcher and the scenarios rely on. */
class SmallPartsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void speedIsMaxRealTimeOrAFactor() {
        assertThat(Speed.parse("max").isMax()).isTrue();
        assertThat(Speed.parse("realtime")).isEqualTo(Speed.REAL_TIME);
        assertThat(Speed.parse("60x").factor()).isEqualTo(60);
        assertThatThrownBy(() -> Speed.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Speed.parse("fast")).hasMessageContaining("'fast'");
    }

    @Test
    void startNowMeansTheRunEndsNow() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(StartTime.resolve("now", Duration.ofDays(7), clock)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(StartTime.resolve("live", Duration.ofDays(7), clock)).isEqualTo(NOW);
        assertThat(StartTime.resolve("2026-01-01T00:00:00Z", Duration.ofDays(7), clock))
            .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(StartTime.resolve(null, Duration.ofDays(7), clock)).isNull();
    }

    @Test
    void thePacerWaitsUntilTheWallClockCatchesUpWithSimulatedTime() throws InterruptedException {
        AtomicLong wall = new AtomicLong();
        List<Long> sleeps = new ArrayList<>();
        Pacer pacer = new Pacer(new Speed(60), NOW, wall::get, n -> {
            sleeps.add(n);
            wall.addAndGet(n);
        });

        pacer.await(NOW.plusSeconds(60));
        pacer.await(NOW.plusSeconds(30));
        new Pacer(Speed.MAX, NOW, wall::get, n -> sleeps.add(-1L)).await(NOW.plusSeconds(3600));

        assertThat(sleeps).containsExactly(1_000_000_000L);
    }

    @Test
    void strappingTablesInterpolateBothWays() {
        StrappingTable t = new StrappingTable(List.of(new double[] {0, 0}, new double[] {500, 4000},
            new double[] {1000, 10000}));
        assertThat(t.litres(250)).isEqualTo(2000);
        assertThat(t.litres(750)).isEqualTo(7000);
        assertThat(t.levelMm(t.litres(612.3))).isCloseTo(612.3, within(1e-9));
        assertThat(t.litres(1200)).isEqualTo(10000);
    }

    @Test
    void csvFieldsFollowRfc4180() {
        assertThat(Csv.quote("plain")).isEqualTo("plain");
        assertThat(Csv.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(Csv.split("x,\"a,\"\"b\"\"\",,z")).containsExactly("x", "a,\"b\"", "", "z");
    }
}
