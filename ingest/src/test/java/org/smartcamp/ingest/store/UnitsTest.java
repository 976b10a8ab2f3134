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

    @Test
    void aliasesMatchInAnyCase() {
        assertThat(Units.converter("kw", "kW").applyAsDouble(12.5)).isEqualTo(12.5);
        assertThat(Units.converter("KW", "kW").applyAsDouble(12.5)).isEqualTo(12.5);
        assertThat(Units.converter("w", "kW").applyAsDouble(1500)).isCloseTo(1.5, within(1e-12));
        for (String litres : new String[] {"L", "l", "litres", "liters", "Litres", "LITERS", "litre"}) {
            assertThat(Units.converter(litres, "L")).as(litres).isNotNull();
            assertThat(Units.converter(litres, "L").applyAsDouble(7)).as(litres).isEqualTo(7);
        }
        assertThat(Units.converter("M3", "L").applyAsDouble(1)).isCloseTo(1000, within(1e-9));
        assertThat(Units.converter("DEGC", "degC").applyAsDouble(20)).isEqualTo(20);
    }

    @Test
    void aMegaPrefixIsNeverReadFromAMilliPrefix() {
        assertThat(Units.converter("MW", "kW").applyAsDouble(1)).isCloseTo(1000, within(1e-9));
        assertThat(Units.converter("mW", "kW")).isNull();
        assertThat(Units.converter("mwh", "kWh")).isNull();
    }

    @Test
    void anEmptyUnitIsAcceptedForABooleanOnly() {
        assertThat(Units.converter("", "bool").applyAsDouble(1)).isEqualTo(1);
        assertThat(Units.converter(null, "bool").applyAsDouble(0)).isEqualTo(0);
        assertThat(Units.converter("", "kW")).isNull();
        assertThat(Units.converter("", "L")).isNull();
    }
}
