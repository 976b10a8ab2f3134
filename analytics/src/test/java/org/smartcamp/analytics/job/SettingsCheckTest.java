package org.smartcamp.analytics.job;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.job.standard.StandardAnalyzers;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.Catalog;
import org.smartcamp.analytics.store.DeliverySource;

/** Every analytics setting has one behaviour on a bad value: refused at startup, the key named. */
class SettingsCheckTest {
    private final SettingsCheck check = new SettingsCheck(StandardAnalyzers.assets(),
        StandardAnalyzers.camps(DeliverySource.NONE));

    @Test
    void theDefaultsAndGoodOverridesPass() {
        assertThatCode(() -> check.check("camp c1", AnalyticsSettings.defaults())).doesNotThrowAnyException();
        assertThatCode(() -> check.check("camp c1", AnalyticsSettings.of(Map.of("job.fuelContext", "21d",
            "quality.staleAfter", "PT45M", "quality.staleCampCoverage", "0.8", "quality.expectedInterval", "1m",
            "quality.interval.fuel.level", "5m", "fuel.theftMinLitres", "30", "power.maxGap", "10m",
            "asset.maxBridge", "1.5h")))).doesNotThrowAnyException();
    }

    /** The job's own keys, the basic quality keys and each family's: the mechanism that used to log and go on too. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "job.fuelContext | soon | job.fuelContext: 'soon' is not a duration",
        "job.sensorContext | 0s | job.sensorContext: '0s' must be a positive duration",
        "job.fuelContex | 14d | unknown setting job.fuelContex",
        "quality.staleAfter | 30 minutes | quality.staleAfter: '30 minutes' is not a duration",
        "quality.context | -1d | quality.context: '-1d' is not a duration",
        "quality.staleCampCoverage | half | quality.staleCampCoverage: 'half' is not a number",
        "quality.staleCampCoverage | 2 | quality.staleCampCoverage: '2' must be between 0.0 and 1.0",
        "quality.expectedInterval | often | quality.expectedInterval: 'often' is not a duration",
        "quality.interval.fuel.level | 5 | quality.interval.fuel.level: '5' is not a duration",
        "fuel.theftMinLitres | lots | fuel.theftMinLitres: 'lots' is not a number",
        "power.overloadThreshold | high | power.overloadThreshold: 'high' is not a number",
        "asset.maxGap | 5 min | asset.maxGap: '5 min' is not a duration",
        "quality.staleAftr | 45m | unknown setting quality.staleAftr; no analyzer reads it",
        "fule.theftMinLitres | 30 | unknown setting fule.theftMinLitres; no analyzer reads it",
        "theftMinLitres | 30 | unknown setting theftMinLitres; no analyzer reads it",
    })
    void aBadValueIsRefusedNamingTheSubjectAndTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> check.check("camp c1", AnalyticsSettings.of(Map.of(key, value))))
            .isInstanceOf(SettingsException.class).hasMessageStartingWith("camp c1: " + message);
    }

    @Test
    void everyCampAndEveryAssetOfTheCatalogIsChecked() {
        Catalog good = new Catalog(List.of(Fixtures.camp("c1", Map.of("fuel.theftMinLitres", "30"))),
            List.of(Fixtures.generator(1, "g1", "c1", 100, Map.of("power.maxGap", "10m"))), Map.of());
        assertThatCode(() -> check.check(good)).doesNotThrowAnyException();

        Catalog badCamp = new Catalog(List.of(Fixtures.camp("c1", Map.of("job.powerContext", "3 days"))), List.of(),
            Map.of());
        assertThatThrownBy(() -> check.check(badCamp)).hasMessageStartingWith("camp c1: job.powerContext: '3 days'");

        Catalog badAsset = new Catalog(List.of(Fixtures.camp("c1", Map.of())),
            List.of(Fixtures.generator(1, "g1", "c1", 100, Map.of("fuel.curveF1", "9"))), Map.of());
        assertThatThrownBy(() -> check.check(badAsset))
            .hasMessage("asset g1 (camp c1): fuel.curveF1: '9' must be between 0.0 and 2.0");
    }
}
