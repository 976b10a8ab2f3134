package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The noise floor of a source: its idle noise sets it, a slow real flow inside the rest band does not. */
class SupplyThresholdTest {
    private static final double BASE = 0.5;
    private static final double SIGMAS = 5;

    private static double[] noise(int n, double level, double sigma, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level + sigma * random.nextGaussian();
        }
        return v;
    }

    @Test
    void idleNoiseSetsTheFloorAtFiveSigmas() {
        // a 400 V battery's shunt noise of 0.5 A: 0.2 kW
        double[] idle = noise(300, 0, 0.2, 1);

        assertThat(SupplyThreshold.ofBand(idle, idle.length, 15, BASE, SIGMAS)).isCloseTo(1.0, within(0.15));
    }

    @Test
    void aSmallRealFlowInsideTheBandDoesNotRaiseTheFloorToIt() {
        // a night load of 3 kW (with 5 % variation) carried by the battery for most of the readings, idle otherwise
        double[] readings = noise(300, 0, 0.2, 2);
        double[] flow = noise(220, 3, 0.15, 3);
        System.arraycopy(flow, 0, readings, 40, flow.length);

        double floor = SupplyThreshold.ofBand(readings, readings.length, 15, BASE, SIGMAS);

        assertThat(floor).isLessThan(1.5);
    }

    @Test
    void aStandbyOffsetRaisesTheLevel() {
        // a stopped set's meter reads 0.3 kW with 0.05 kW of noise
        double[] rest = noise(200, 0.3, 0.05, 4);

        assertThat(SupplyThreshold.of(rest, rest.length, BASE, 5, SIGMAS)).isCloseTo(0.55, within(0.08));
    }

    @Test
    void tooFewReadingsAtRestOrExactZerosLeaveTheCampsThreshold() {
        assertThat(SupplyThreshold.of(noise(11, 0, 1, 5), 11, BASE, 15, SIGMAS)).isEqualTo(BASE);
        assertThat(SupplyThreshold.of(new double[100], 100, BASE, 15, SIGMAS)).isEqualTo(BASE);
        // never above the rest band
        assertThat(SupplyThreshold.of(noise(100, 0, 10, 6), 100, BASE, 15, SIGMAS)).isEqualTo(15);
    }
}
