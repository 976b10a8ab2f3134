package org.smartcamp.analytics.job.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.store.Rollup;

class CounterDaysTest {
    private static Rollup hour(String t, double first, double last) {
        return new Rollup(Instant.parse(t), 2, (first + last) / 2, first, last, first, last);
    }

    @Test
    void eachHourCountsFromTheLastReadingBeforeItSoDayBoundariesLoseNothing() {
        Map<LocalDate, CounterDays.Day> days = CounterDays.of(List.of(
            hour("2026-03-01T22:00:00Z", 100, 110),
            hour("2026-03-01T23:00:00Z", 111, 120),
            hour("2026-03-02T00:00:00Z", 121, 130),
            hour("2026-03-02T05:00:00Z", 150, 160)));

        // Day 1: the first hour counts from its own first reading (10), then 120 - 110 = 10.
        assertThat(days.get(LocalDate.parse("2026-03-01")).increase()).isCloseTo(20, within(1e-9));
        // Day 2: 130 - 120 = 10 (the 23:59 -> 00:00 step belongs to the new day), then after the gap 160 - 130 = 30.
        assertThat(days.get(LocalDate.parse("2026-03-02")).increase()).isCloseTo(40, within(1e-9));
        assertThat(days.get(LocalDate.parse("2026-03-02")).hoursWithData()).isEqualTo(2);
    }

    @Test
    void aCounterThatGoesDownWasResetAndCountsFromItsLowestPoint() {
        Map<LocalDate, CounterDays.Day> days = CounterDays.of(List.of(
            hour("2026-03-01T10:00:00Z", 5000, 5010),
            hour("2026-03-01T11:00:00Z", 3, 8),
            hour("2026-03-01T12:00:00Z", 5020, 4)));

        // 10, then reset between hours: 8 - 3 = 5, then reset within the hour: 4.
        assertThat(days.get(LocalDate.parse("2026-03-01")).increase()).isCloseTo(19, within(1e-9));
    }

    @Test
    void coverageIsTheShareOfTheDaysHoursSoFarThatHadReadings() {
        CounterDays.Day d = new CounterDays.Day(10, 6);
        LocalDate day = LocalDate.parse("2026-03-02");

        assertThat(CounterDays.coverage(d, day, Instant.parse("2026-03-05T00:00:00Z"))).isEqualTo(0.25);
        assertThat(CounterDays.coverage(d, day, Instant.parse("2026-03-02T11:30:00Z"))).isEqualTo(0.5);
        assertThat(CounterDays.coverage(null, day, Instant.parse("2026-03-05T00:00:00Z"))).isZero();
        assertThat(CounterDays.expectedHours(day, Instant.parse("2026-03-01T11:30:00Z"))).isZero();
    }
}
