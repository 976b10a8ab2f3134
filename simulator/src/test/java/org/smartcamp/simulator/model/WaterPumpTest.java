package org.smartcamp.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.smartcamp.simulator.scenario.WaterTankSpec;

/** The pump runs on its curve: its duty point as specified, less flow against more head, counters that add up. */
class WaterPumpTest {
    private static final WaterTankSpec.PumpSpec SPEC = new WaterTankSpec.PumpSpec("wp-1", 6000, 2.2, 0.3, 0.9, 40);

    @Test
    void atItsDutyHeadItDeliversItsRateAndDrawsItsPower() {
        WaterPump pump = new WaterPump(SPEC, "c-wp-1");

        double litres = pump.run(true, 0, 1800);

        assertThat(pump.flowLph()).isCloseTo(6000, within(1e-6));
        assertThat(pump.powerKw()).isCloseTo(2.2, within(1e-9));
        assertThat(litres).isCloseTo(3000, within(1e-6));
        assertThat(pump.energyKwh()).isCloseTo(1.1, within(1e-9));
        assertThat(pump.running()).isTrue();
    }

    @Test
    void aFullerTankRaisesTheHeadAndSlowsThePump() {
        WaterPump pump = new WaterPump(SPEC, "c-wp-1");

        pump.run(true, 2, 60);
        // H0 = 50 m, Qmax = 6000 / sqrt(0.2); at 42 m: Q = Qmax * sqrt(1 - 42 / 50)
        double expected = 6000 / Math.sqrt(0.2) * Math.sqrt(1 - 42.0 / 50);
        assertThat(pump.flowLph()).isCloseTo(expected, within(1e-6)).isLessThan(6000);
        // hydraulic power rho g Q H over the duty point's efficiency
        double efficiency = 1000 * 9.81 * 6000 / 3.6e6 * 40 / 1000 / 2.2;
        assertThat(pump.powerKw()).isCloseTo(1000 * 9.81 * expected / 3.6e6 * 42 / 1000 / efficiency, within(1e-9));
    }

    @Test
    void stoppedItDeliversNothingAndItsCountersHold() {
        WaterPump pump = new WaterPump(SPEC, "c-wp-1");
        pump.run(true, 0, 3600);

        assertThat(pump.run(false, 0, 3600)).isZero();

        assertThat(pump.running()).isFalse();
        assertThat(pump.flowLph()).isZero();
        assertThat(pump.pumpedL()).isCloseTo(6000, within(1e-6));
        assertThat(pump.energyKwh()).isCloseTo(2.2, within(1e-9));
    }
}
