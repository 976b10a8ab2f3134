package org.smartcamp.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class GridPeriodsTest {
    @Test
    void hoursOfAGridStartingMidHourArePartialAtTheEdges() {
        Instant from = Instant.parse("2026-03-02T10:30:00Z");
        CellGrid grid = GridPeriods.aligned(from, from.plusSeconds(2 * 3600), 60_000);

        assertThat(GridPeriods.of(grid, ChronoUnit.HOURS)).containsExactly(new GridPeriods.Range(0, 30),
            new GridPeriods.Range(30, 90), new GridPeriods.Range(90, 120));
        assertThat(GridPeriods.of(grid, ChronoUnit.DAYS)).containsExactly(new GridPeriods.Range(0, 120));
    }

    @Test
    void aMisalignedStartIsRefused() {
        Instant from = Instant.parse("2026-03-02T10:30:30Z");

        assertThatThrownBy(() -> GridPeriods.aligned(from, from.plusSeconds(60), 60_000))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void physicallyImpossibleValuesAreDropped() {
        Series s = Series.of(new long[] {1, 2, 3}, new double[] {-5, 50, 500});

        assertThat(ValueBounds.within(s, 0, 100).values()).containsExactly(50);
        assertThat(ValueBounds.within(s, -10, 1000)).isSameAs(s);
    }
}
