package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void aValueInTheCanonicalUnitOrWithoutUnitIsKeptAsItIs() {
        assertThat(Units.converter("kW", "kW").applyAsDouble(12.5)).isEqualTo(12.5);
        assertThat(Units.converter(null, "kW").applyAsDouble(12.5)).isEqualTo(12.5);
        assertThat(Units.converter("furlong", null).applyAsDouble(3)).isEqualTo(3);
    }

    @Test
    void unitsOfTheSameQuantityAreConvertedToTheCanonicalOne() {
        assertThat(Units.converter("W", "kW").applyAsDouble(1500)).isCloseTo(1.5, within(1e-12));
        assertThat(Units.converter("Wh", "kWh").applyAsDouble(2500)).isCloseTo(2.5, within(1e-12));
        assertThat(Units.converter("m3", "L").applyAsDouble(1.2)).isCloseTo(1200, within(1e-9));
        assertThat(Units.converter("Cel", "degC").applyAsDouble(31)).isEqualTo(31);
        assertThat(Units.converter("s", "h").applyAsDouble(7200)).isCloseTo(2, within(1e-12));
        assertThat(Units.converter("m/s", "km/h").applyAsDouble(10)).isCloseTo(36, within(1e-12));
    }

    @Test
    void unitsOfAnotherQuantityAreRefused() {
        assertThat(Units.converter("%", "mm")).isNull();
        assertThat(Units.converter("kWh", "kW")).isNull();
        assertThat(Units.converter("degF", "degC")).isNull();
    }
}
