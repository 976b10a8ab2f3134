package org.smartcamp.analytics.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.ingest.catalogue.Figure;

/** Pumping hours, water pumped and utilization per day, hand-computed. */
class PumpUsageTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int MINUTES = 2 * 24 * 60;

    @Test
    void sixHoursAt3000LitresAnHourOnTheFirstDayAndNothingOnTheSecond() {
        Series.Builder running = Series.builder();
        Series.Builder counter = Series.builder();
        double litres = 0;
        for (int m = 0; m <= MINUTES; m++) {
            boolean on = m >= 6 * 60 && m < 12 * 60;
            running.add(T0.plusSeconds(60L * m), on ? 1 : 0);
            counter.add(T0.plusSeconds(60L * m), litres);
            litres += on ? 50 : 0;
        }
        List<DailyFigure> rows = new PumpUsage(AssetSettings.of(Map.of("asset.availableHoursPerDay", "20")))
            .daily("c-wp-1", running.build(), counter.build(), Series.empty(), T0, T0.plusSeconds(60L * MINUTES));

        Map<String, Double> first = day(rows, LocalDate.parse("2026-03-01"));
        assertThat(first.get(Figure.PUMP_H.id())).isCloseTo(6, within(0.02));
        assertThat(first.get(Figure.WATER_PUMPED_L.id())).isCloseTo(18_000, within(1e-6));
        assertThat(first.get(Figure.UTILIZATION_PCT.id())).isCloseTo(30, within(0.1));
        Map<String, Double> second = day(rows, LocalDate.parse("2026-03-02"));
        assertThat(second.get(Figure.PUMP_H.id())).isCloseTo(0, within(1e-9));
        assertThat(second.get(Figure.WATER_PUMPED_L.id())).isCloseTo(0, within(1e-9));
        assertThat(rows).extracting(DailyFigure::unit).contains("h", "L", "%");
    }

    @Test
    void withoutAFlowCounterTheFlowRateIsIntegrated() {
        Series.Builder running = Series.builder();
        Series.Builder rate = Series.builder();
        for (int m = 0; m <= 24 * 60; m++) {
            boolean on = m < 2 * 60;
            running.add(T0.plusSeconds(60L * m), on ? 1 : 0);
            rate.add(T0.plusSeconds(60L * m), on ? 4200 : 0);
        }
        List<DailyFigure> rows = new PumpUsage(AssetSettings.defaults()).daily("c-wp-1", running.build(),
            Series.empty(), rate.build(), T0, T0.plusSeconds(86_400));

        assertThat(day(rows, LocalDate.parse("2026-03-01")).get(Figure.WATER_PUMPED_L.id()))
            .isCloseTo(8400, within(80.0));
    }

    @Test
    void aDayWithoutReadingsHasNoFigures() {
        List<DailyFigure> rows = new PumpUsage(AssetSettings.defaults()).daily("c-wp-1", Series.empty(),
            Series.empty(), Series.empty(), T0, T0.plusSeconds(86_400));

        assertThat(rows).isEmpty();
    }

    private static Map<String, Double> day(List<DailyFigure> rows, LocalDate day) {
        return rows.stream().filter(r -> r.day().equals(day))
            .collect(Collectors.toMap(DailyFigure::figure, DailyFigure::value));
    }
}
