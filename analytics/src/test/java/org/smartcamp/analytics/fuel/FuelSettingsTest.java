package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.power.SettingsException;

class FuelSettingsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        FuelSettings d = FuelSettings.defaults();
        assertThat(d.get(FuelSetting.THEFT_MIN_LITRES)).isEqualTo(20);
        assertThat(d.get(FuelSetting.CO2_KG_PER_LITRE)).isEqualTo(2.68);
        assertThat(d.get(FuelSetting.SHORT_FILL_TOLERANCE)).isEqualTo(0.02);
        assertThat(d.duration(FuelSetting.THEFT_WINDOW_MINUTES).toMinutes()).isEqualTo(60);
    }

    @Test
    void campThenAssetOverridesApplyInTurnFromNumbersOrText() {
        FuelSettings camp = FuelSettings.defaults().with(Map.of("fuel.theftMinLitres", 40, "fuel.co2KgPerLitre",
            "2.66"));
        FuelSettings asset = camp.with(Map.of("fuel.theftMinLitres", 25.5));
        assertThat(camp.get(FuelSetting.THEFT_MIN_LITRES)).isEqualTo(40);
        assertThat(asset.get(FuelSetting.THEFT_MIN_LITRES)).isEqualTo(25.5);
        assertThat(asset.get(FuelSetting.CO2_KG_PER_LITRE)).isEqualTo(2.66);
        assertThat(FuelSettings.defaults().with(null)).isSameAs(FuelSettings.defaults());
    }

    @Test
    void anUnknownKeyOrABadValueIsRefusedNamingTheKey() {
        FuelSettings d = FuelSettings.defaults();
        assertThatThrownBy(() -> d.with(Map.of("fuel.theftMinLiters", 40)))
            .isInstanceOf(SettingsException.class).hasMessageContaining("unknown fuel setting 'fuel.theftMinLiters'");
        assertThatThrownBy(() -> d.with(Map.of("theftMinLitres", 40))).hasMessageContaining("start with 'fuel.'");
        assertThatThrownBy(() -> d.with(Map.of("fuel.theftMinLitres", "lots")))
            .hasMessageContaining("fuel.theftMinLitres: 'lots' is not a number");
        assertThatThrownBy(() -> d.with(Map.of("fuel.shortFillTolerance", 1.5)))
            .isInstanceOf(SettingsException.class)
            .hasMessage("fuel.shortFillTolerance: '1.5' must be between 0.0 and 1.0");
        assertThatThrownBy(() -> d.with(Map.of("fuel.stuckMinReadings", 2.5)))
            .hasMessage("fuel.stuckMinReadings: '2.5' must be a whole number");
        assertThatThrownBy(() -> d.with(Map.of("fuel.theftMinLitres", true))).hasMessageContaining("expected a number");
    }

    @Test
    void theDocsListEveryKeyWithItsDefault() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "analytics-fuel.md"));
        for (FuelSetting s : FuelSetting.values()) {
            String row = "| `" + s.key() + "` | " + format(s.defaultValue()) + " |";
            assertThat(docs).as("docs row for %s", s.key()).contains(row);
        }
    }

    private static String format(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
