package org.smartcamp.ingest.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigureCatalogueTest {
    @Test
    void findsFiguresByTheirStoredNamePerMetricOnesIncluded() {
        assertThat(FigureCatalogue.find("fuel_consumed_l")).contains(Figure.FUEL_CONSUMED_L);
        assertThat(FigureCatalogue.find("completeness")).contains(Figure.COMPLETENESS);
        assertThat(FigureCatalogue.find("completeness.fuel.volume")).contains(Figure.COMPLETENESS_OF_METRIC);
        assertThat(FigureCatalogue.find("last_seen_age_s:engine.coolant_temp")).contains(Figure.LAST_SEEN_AGE_S);
        assertThat(Figure.COMPLETENESS_OF_METRIC.of("fuel.volume")).isEqualTo("completeness.fuel.volume");
    }

    @Test
    void unknownNamesAndBarePrefixesAreNotFigures() {
        assertThat(FigureCatalogue.known("fuel_used")).isFalse();
        assertThat(FigureCatalogue.known("completeness.")).isFalse();
        assertThat(FigureCatalogue.known("last_seen_age_s")).isFalse();
        assertThat(FigureCatalogue.known(null)).isFalse();
        assertThatThrownBy(() -> Figure.DAYS_OF_SUPPLY.of("fuel.volume")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyFigureHasOneStoredNameAUnitAndBothLabels() {
        Set<String> names = new HashSet<>();
        for (Figure f : FigureCatalogue.all()) {
            assertThat(names.add(f.id() + (f.perMetric() ? f.separator() : ""))).as(f.id()).isTrue();
            assertThat(f.id()).matches("[a-z][a-z0-9_]*");
            assertThat(f.unit()).isNotBlank();
            assertThat(f.label("en")).isNotBlank().isNotEqualTo(f.id());
            assertThat(f.label("fr")).isNotBlank().isNotEqualTo(f.label("en"));
        }
    }
}
