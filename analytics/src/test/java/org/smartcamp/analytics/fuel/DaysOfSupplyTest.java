package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.DAY;
import static org.smartcamp.analytics.fuel.Synthetic.HOUR;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

class DaysOfSupplyTest {
    private static final Instant AS_OF = Instant.ofEpochMilli(at(7 * 1440));
    private final DaysOfSupply dos = new DaysOfSupply(FuelSettings.defaults());

    @Test
    void aSteadyBurnWithARefuelGivesTheHandComputedDaysAndReorderDate() {
        // 8000 L burning 100 L/day, 3000 L delivered on day three, 500 L unusable:
        // now 8000 - 700 + 3000 = 10 300 L, (10 300 - 500) / 100 = 98 days, reorder 98 - 7 - 3 = 88 days out
        TankParams tank = new TankParams("tank", 20_000, 500, null, List.of(), null, List.of());
        long refuel = at(3 * 1440);
        Series v = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR, t -> 8000 - 100.0 * (t - at(0)) / DAY
            + Synthetic.ramp(t, refuel, refuel + HOUR, 3000), 0, 0);
        SupplyForecast f = dos.forTank(tank, v, List.of(Synthetic.event(EventKind.REFUEL, "tank", refuel,
            refuel + HOUR, 3000)), AS_OF);
        assertThat(f.burnLitresPerDay()).isCloseTo(100, within(1e-6));
        assertThat(f.volumeL()).isCloseTo(10_300, within(1e-6));
        assertThat(f.days()).isCloseTo(98, within(1e-6));
        assertThat(f.daysLow()).isCloseTo(98, within(1e-6));
        assertThat(f.reorderDate()).isEqualTo(AS_OF.plusMillis(88 * DAY));
        assertThat(f.coverage()).isCloseTo(1, within(0.02));
    }

    @Test
    void noiseWidensTheIntervalAroundTheTruth() {
        TankParams tank = new TankParams("tank", 20_000, 0, null, List.of(), null, List.of());
        Series v = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR / 12, t -> 8000 - 240.0 * (t - at(0)) / DAY, 20,
            1);
        SupplyForecast f = dos.forTank(tank, v, List.of(), AS_OF);
        double trueDays = (8000 - 7 * 240) / 240.0;
        assertThat(f.days()).isCloseTo(trueDays, within(0.02 * trueDays));
        assertThat(f.daysLow()).isLessThan(f.days());
        assertThat(f.daysHigh()).isGreaterThan(f.days());
    }

    @Test
    void aTankThatIsNotDrawnFromHasNoDaysOfSupply() {
        TankParams tank = new TankParams("tank", 20_000, 0, null, List.of(), null, List.of());
        Series flat = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR, t -> 5000, 0, 0);
        SupplyForecast f = dos.forTank(tank, flat, List.of(), AS_OF);
        assertThat(f.days()).isNaN();
        assertThat(f.reorderDate()).isNull();
    }

    @Test
    void aCampSumsItsTanksSoTransfersBetweenThemCancel() {
        // the bulk tank tops the day tank up by 1000 L at noon each day; the sets burn 500 L/day from the day tank
        TankParams bulk = new TankParams("bulk", 40_000, 1000, null, List.of(), null, List.of());
        TankParams day = new TankParams("day", 2_000, 100, null, List.of(), "bulk", List.of());
        Series b = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR / 12, t -> 30_000 - 1000.0 * transfers(t), 0, 0);
        Series d = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR / 60, t -> 1500 - 500.0 * (t - at(0)) / DAY
            + 1000.0 * transfers(t), 0, 0);
        SupplyForecast f = dos.forCamp("camp", List.of(bulk, day), Map.of("bulk", b, "day", d), List.of(), AS_OF);
        double now = 30_000 + 1500 - 7 * 500;
        assertThat(f.burnLitresPerDay()).isCloseTo(500, within(5.0));
        assertThat(f.days()).isCloseTo((now - 1100) / 500, within(0.1));
    }

    @Test
    void aBulkTankThatFillsADayTankLastsAtTheRateTheSetsBurnNotAtItsStaircase() {
        // 1000 L transfers every second day (days 2, 4, 6 at noon) for 500 L/day burned from the day tank: a line
        // through the bulk tank's own week of steps, late in the week, gives 448 L/day (10 % slow)
        TankParams bulk = new TankParams("bulk", 40_000, 1000, null, List.of(), null, List.of());
        TankParams day = new TankParams("day", 2_000, 100, null, List.of(), "bulk", List.of());
        // the bulk tank's gauge has a little noise: without it the still level between transfers reads as stuck
        Series b = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR / 12, t -> 30_000 - 1000.0 * everyOther(t), 2, 7);
        Series d = Synthetic.sample(at(0), at(7 * 1440) + 1, HOUR / 60, t -> 1500 - 500.0 * (t - at(0)) / DAY
            + 1000.0 * everyOther(t), 0, 0);
        SupplyForecast alone = dos.forTank(bulk, b, List.of(), AS_OF);
        SupplyForecast f = dos.forBulkTank(bulk, b, List.of(day), Map.of("day", d), List.of(), AS_OF);
        assertThat(Math.abs(alone.burnLitresPerDay() - 500)).isGreaterThan(25);
        assertThat(f.burnLitresPerDay()).isCloseTo(500, within(5.0));
        assertThat(f.volumeL()).isCloseTo(27_000, within(5.0));
        assertThat(f.days()).isCloseTo((27_000 - 1000) / 500.0, within(0.3));
    }

    /** Transfers of 1000 L on days 2, 4 and 6, each over the hour from noon, so far (0 to 3). */
    private static double everyOther(long t) {
        double days = (t - at(0)) / (double) DAY;
        double sum = 0;
        for (int k = 2; k <= 6; k += 2) {
            sum += Math.min(1, Math.max(0, (days - k - 0.5) * 24));
        }
        return sum;
    }

    /** Transfers of the day tank so far, each over the hour from noon, as a fraction of 1000 L. */
    private static double transfers(long t) {
        double days = (t - at(0)) / (double) DAY;
        int whole = (int) Math.floor(days);
        double part = Math.min(1, Math.max(0, (days - whole - 0.5) * 24));
        return whole + part;
    }
}
