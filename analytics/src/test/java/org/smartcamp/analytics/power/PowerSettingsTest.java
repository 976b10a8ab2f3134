package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerSettingsTest {
    @Test
    void defaultsAreTheDomainConstants() {
        PowerSettings s = PowerSettings.defaults();

        assertThat(s.bands().lowLoad()).isEqualTo(0.4);
        assertThat(s.bands().wetStacking()).isEqualTo(0.3);
        assertThat(s.bands().targetMin()).isEqualTo(0.6);
        assertThat(s.bands().targetMax()).isEqualTo(0.8);
        assertThat(s.bands().highLoad()).isEqualTo(0.9);
        assertThat(s.bands().overload()).isEqualTo(1.0);
        assertThat(s.events().rating().ratingClass()).isEqualTo(RatingClass.PRIME);
        assertThat(s.events().rating().primeOverload()).isEqualTo(0.1);
        assertThat(s.events().rating().primeOverloadTime()).isEqualTo(Duration.ofHours(1));
        assertThat(s.events().rating().primeOverloadWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(s.sizing().factor()).isEqualTo(0.8);
        assertThat(s.sizing().percentile()).isEqualTo(99);
        assertThat(s.sizing().window()).isEqualTo(Duration.ofDays(30));
        assertThat(s.fuel().referenceLoadFactor()).isEqualTo(0.75);
        assertThat(s.fuel().defaultF0()).isEqualTo(0.08145);
        assertThat(s.fuel().defaultF1()).isEqualTo(0.246);
        assertThat(s.signal().supplyNoiseSigmas()).isEqualTo(5);
        assertThat(s.signal().supplyRestBand()).isEqualTo(0.05);
        assertThat(PowerSettings.DEFAULTS).containsKey("power.lowLoadThreshold").hasSize(43);
    }

    @Test
    void laterLayersOverrideEarlierOnesAndOtherFamiliesAreIgnored() {
        PowerSettings s = PowerSettings.of(Map.of("power.lowLoadThreshold", "0.35", "power.eventSmoothing", "1d6h",
            "fuel.anything", "x"), Map.of("power.lowLoadThreshold", "0.3", "power.sizingWindow", "PT48H"));

        assertThat(s.bands().lowLoad()).isEqualTo(0.3);
        assertThat(s.events().smoothing()).isEqualTo(Duration.ofHours(30));
        assertThat(s.sizing().window()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.lowLoad", "0.3")))
            .isInstanceOf(SettingsException.class)
            .hasMessageContaining("unknown setting power.lowLoad;")
            .hasMessageContaining("power.lowLoadThreshold");
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheProblem() {
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.overloadThreshold", "high")))
            .hasMessage("power.overloadThreshold: 'high' is not a number");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.eventSmoothing", "15 minutes")))
            .hasMessageStartingWith("power.eventSmoothing: '15 minutes' is not a duration");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.sfcDegradationDays", "2.5")))
            .hasMessage("power.sfcDegradationDays: '2.5' must be a whole number");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.cell", "7m")))
            .hasMessage("power.cell: '7m' must divide an hour");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.standardSizesKw", "20,-5")))
            .hasMessage("power.standardSizesKw: '20,-5' must list positive numbers");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.ratingClass", "emergency")))
            .hasMessage("power.ratingClass: 'emergency' must be one of prime, continuous, standby");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.primeOverloadTime", "13h")))
            .hasMessage("power.primeOverloadTime: '13h' must not be longer than power.primeOverloadWindow");
    }

    @Test
    void bandsMustBeInOrder() {
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.lowLoadThreshold", "0.7")))
            .isInstanceOf(SettingsException.class).hasMessageContaining("lowLoadThreshold <= targetLoadFactorMin");
        assertThatThrownBy(() -> PowerSettings.of(Map.of("power.highLoadThreshold", "1.1")))
            .isInstanceOf(SettingsException.class).hasMessageContaining("highLoadThreshold <= overloadThreshold");
    }

    @Test
    void theRatingFallsBackOnTheDefaultCurveAndGivesTheDomainSfc() {
        org.smartcamp.ingest.inventory.Inventory.Asset asset = new org.smartcamp.ingest.inventory.Inventory.Asset(
            "g", org.smartcamp.ingest.catalogue.AssetKind.GENERATOR, "G", 60.0, null, null, null, null, null, null,
            null, null, null, null, null, null);

        GeneratorRating r = GeneratorRating.of(asset, PowerSettings.defaults());

        assertThat(r.f0()).isEqualTo(0.08145);
        assertThat(r.sfc(1.0)).isEqualTo(0.246 + 0.08145);
        assertThat(r.sfc(0.5)).isCloseTo(0.409, org.assertj.core.api.Assertions.within(5e-4));
        assertThat(r.expectedFuel(2, 60)).isEqualTo(0.08145 * 60 * 2 + 0.246 * 60);
    }
}
