package org.smartcamp.analytics.power;

import org.smartcamp.analytics.store.CurrentFigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.power.Minutes.ALL;
import static org.smartcamp.analytics.power.Minutes.T0;
import static org.smartcamp.analytics.power.Minutes.at;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizingAdvisorTest {
    private static CampPowerReport oneSet(GeneratorRating set, int minutes, double kw) {
        CampPlant plant = new CampPlant("c", List.of(set), List.of(), null);
        CampSignals signals = new CampSignals(Map.of(set.assetId(),
            Minutes.generator(set, minutes, 5, i -> kw, 1, true, ALL)), Map.of(), null);
        return new CampPowerAnalyzer(PowerSettings.defaults()).analyze(plant, signals, T0, at(minutes));
    }

    @Test
    void aSetLoadedAtThirtyPercentForThirtyDaysIsToBeDownsized() {
        GeneratorRating set = new GeneratorRating("big", 250, 0.08, 0.25);

        SizingReport s = oneSet(set, 30 * 24 * 60, 75).sizing();

        assertThat(s.historySufficient()).isTrue();
        assertThat(s.load().p99Kw()).isCloseTo(75, within(1e-9));
        assertThat(s.requiredKw()).isCloseTo(75 / 0.8, within(1e-9));
        assertThat(s.nPlusOneMet()).isFalse();
        assertThat(s.currentUnitSize()).isEqualTo(new SizingOption(250, 1, 2, 500));
        // 3 x 50 kW and 5 x 30 kW both install 150 kW: fewer units win
        assertThat(s.bestStandardSize()).isEqualTo(new SizingOption(50, 2, 3, 150));
        assertThat(s.downsizing()).singleElement().satisfies(d -> {
            assertThat(d.suggestedKw()).isEqualTo(100);
            assertThat(d.loadFactor()).isCloseTo(0.3, within(1e-9));
            // 0.08 * (250 - 100) * 720 h
            assertThat(d.litresSaved()).isCloseTo(8640, within(1e-6));
            assertThat(d.litresPerDay()).isCloseTo(288, within(1e-6));
        });
        assertThat(s.currentFigures()).extracting(CurrentFigure::figure).contains("required_capacity_kw",
            "n_plus_one_met", "consolidation_saving_l_per_day", "downsizing_saving_l_per_day");
    }

    @Test
    void aShortWindowIsProvisionalAndRecommendsNoDownsizing() {
        SizingReport s = oneSet(new GeneratorRating("big", 250, 0.08, 0.25), 2 * 24 * 60, 75).sizing();

        assertThat(s.historySufficient()).isFalse();
        assertThat(s.downsizing()).isEmpty();
        assertThat(s.currentFigures().get(0).detail()).containsEntry("provisional", true);
    }

    @Test
    void twoSetsCarryingWhatOneCouldWasteTheNoLoadFuelOfTheDearerOne() {
        GeneratorRating a = new GeneratorRating("a", 100, 0.08, 0.25);
        GeneratorRating b = new GeneratorRating("b", 100, 0.05, 0.25);
        CampPlant plant = new CampPlant("c", List.of(a, b), List.of(), null);
        CampSignals signals = new CampSignals(Map.of(
            "a", Minutes.generator(a, 60, 1, i -> 30, 1, true, ALL),
            "b", Minutes.generator(b, 60, 1, i -> 30, 1, true, ALL)), Map.of(), null);

        SizingReport s = new CampPowerAnalyzer(PowerSettings.defaults()).analyze(plant, signals, T0, at(60))
            .sizing();

        // 60 kW fits one set at 0.8: switching off "a" saves 0.08 * 100 L/h for an hour
        assertThat(s.consolidation().value()).isCloseTo(8, within(1e-9));
        assertThat(s.consolidation().coverage()).isEqualTo(1);
        assertThat(s.nPlusOneMet()).isTrue();
    }
}
