package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every figure the analytics write is in the figure catalogue: a figure record refuses any other name, so an
 * analyzer that writes a new name without its catalogue entry fails its own tests (every analyzer's tests build
 * these records).
 */
class FigureNamesTest {
    @Test
    void aFigureOutsideTheCatalogueIsRefusedWhereverItIsWritten() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        Instant hour = Instant.parse("2026-03-02T10:00:00Z");
        assertThatThrownBy(() -> new DailyFigure(Subject.ASSET, "g", day, "fuel_used", 1.0, "L", 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fuel_used'");
        assertThatThrownBy(() -> new HourlyFigure(Subject.ASSET, "g", hour, "x", 1.0, "L", 1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurrentFigure(Subject.ASSET, "g", "idle_rate", 1.0, "L/h", null, null, 1.0, hour,
            Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogueFiguresAndPerMetricOnesAreAccepted() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        assertThat(new DailyFigure(Subject.ASSET, "g", day, "completeness.fuel.volume", 0.5, "1", 0.5).figure())
            .isEqualTo("completeness.fuel.volume");
        assertThat(new DailyFigure(Subject.CAMP, "c", day, "co2_kg", 2.6, "kg", 1).figure()).isEqualTo("co2_kg");
    }
}
