package org.smartcamp.analytics.job.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.store.Rollup;

class CompletenessTest {
    private static Rollup hour(Instant t, long samples) {
        return new Rollup(t, samples, 1, 1, 1, 1, 1);
    }

    @Test
    void receivedOverExpectedAtTheUsualRateWithTheDayInProgressExpectingOnlyItsHoursSoFar() {
        List<Rollup> hourly = new ArrayList<>();
        Instant day1 = Instant.parse("2026-03-01T00:00:00Z");
        for (int h = 0; h < 24; h++) {
            hourly.add(hour(day1.plusSeconds(3600L * h), h < 6 ? 30 : 60));
        }
        Instant day2 = day1.plusSeconds(86_400);
        for (int h = 0; h < 6; h++) {
            hourly.add(hour(day2.plusSeconds(3600L * h), 60));
        }

        double perHour = Completeness.usualPerHour(hourly);
        Map<LocalDate, Double> shares = Completeness.daily(hourly, perHour, List.of(LocalDate.parse("2026-03-01"),
            LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03")), day2.plusSeconds(12 * 3600));

        assertThat(perHour).isEqualTo(60);
        // Day 1: 6 * 30 + 18 * 60 = 1260 of 1440. Day 2 at noon: 360 of 720. Day 3 has not begun: left out.
        assertThat(shares.get(LocalDate.parse("2026-03-01"))).isCloseTo(1260 / 1440.0, within(1e-12));
        assertThat(shares.get(LocalDate.parse("2026-03-02"))).isCloseTo(0.5, within(1e-12));
        assertThat(shares).doesNotContainKey(LocalDate.parse("2026-03-03"));
        assertThat(Completeness.mean(0.5, 1.0)).isEqualTo(0.75);
        assertThat(Completeness.usualPerHour(List.of())).isZero();
    }
}
