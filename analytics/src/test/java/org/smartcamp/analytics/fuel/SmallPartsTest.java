package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.inventory.Inventory.StrappingPoint;

/** CO2, strapping tables, parameters and readings. */
class SmallPartsTest {

    @Test
    void co2IsLitresTimesTheFactorAndNoDataStaysNoData() {
        assertThat(new Co2(FuelSettings.defaults()).kilograms(100)).isCloseTo(268, within(1e-9));
        assertThat(new Co2(FuelSettings.defaults().with(Map.of("fuel.co2KgPerLitre", 2.66))).kilograms(100))
            .isCloseTo(266, within(1e-9));
        assertThat(new Co2(FuelSettings.defaults()).kilograms(Double.NaN)).isNaN();
    }

    @Test
    void aStrappingTableInterpolatesAndALevelOnlyTankIsReadThroughIt() {
        StrappingTable table = new StrappingTable(List.of(new StrappingPoint(0, 0), new StrappingPoint(200, 520),
            new StrappingPoint(400, 1424)));
        assertThat(table.litres(300)).isCloseTo(972, within(1e-9));
        assertThat(table.litres(500)).isEqualTo(1424);
        TankParams tank = new TankParams("t", 1424, 0, table, List.of(), null, List.of());
        Series litres = new TankReadings(Series.empty(), Series.of(new long[] {1}, new double[] {100}),
            Series.empty()).litres(tank);
        assertThat(litres.value(0)).isCloseTo(260, within(1e-9));
        assertThatThrownBy(() -> new StrappingTable(List.of(new StrappingPoint(0, 0), new StrappingPoint(0, 5))))
            .hasMessageContaining("higher level");
    }

    @Test
    void parametersRefuseNonsense() {
        assertThatThrownBy(() -> new GeneratorParams("g", 0, 0.08, 0.25, false)).hasMessageContaining("g: rated");
        assertThatThrownBy(() -> new TankParams("t", 100, 100, null, List.of(), null, List.of()))
            .hasMessageContaining("unusable");
        assertThat(GeneratorParams.withDefaultCurve("g", 100, false, FuelSettings.defaults()).litresPerHour(50))
            .isCloseTo(0.08145 * 100 + 0.246 * 50, within(1e-9));
    }
}
