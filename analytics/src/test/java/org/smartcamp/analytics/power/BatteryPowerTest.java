package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;

class BatteryPowerTest {
    private static final long MIN = 60_000;

    @Test
    void powerIsCurrentTimesVoltageWithTheNominalVoltageWhenNoneIsNear() {
        Series current = Series.of(new long[] {0, MIN, 20 * MIN}, new double[] {100, -50, 10});
        Series voltage = Series.of(new long[] {0, MIN}, new double[] {700, 690});

        Series p = BatteryPower.fromCurrent(current, voltage, 5 * MIN, 720);

        assertThat(p.values()).containsExactly(70, -34.5, 7.2);
    }

    @Test
    void aFallingChargeDeliversItsEnergyTimesTheEfficiency() {
        // 100 kWh bank losing 1 % per 5 minutes: 1 kWh per 5 minutes from the cells, 12 kW, 0.95 of it delivered
        long[] t = new long[25];
        double[] soc = new double[25];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 5 * MIN;
            soc[i] = 80 - i;
        }

        Series p = BatteryPower.fromSoc(Series.of(t, soc), 100, 0.95);

        assertThat(p.value(12)).isCloseTo(12 * 0.95, within(1e-9));
    }

    @Test
    void aRisingChargeTookMoreThanItStores() {
        Series p = BatteryPower.fromSoc(Series.of(new long[] {0, 60 * MIN}, new double[] {50, 60}), 100, 0.8);

        assertThat(p.value(0)).isCloseTo(-10 / 0.8, within(1e-9));
    }
}
