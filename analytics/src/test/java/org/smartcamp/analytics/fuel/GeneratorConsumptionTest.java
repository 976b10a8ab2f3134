package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.DAY;
import static org.smartcamp.analytics.fuel.Synthetic.HOUR;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;

class GeneratorConsumptionTest {
    private static final GeneratorParams GEN = new GeneratorParams("g", 100, 0.08, 0.25, true);
    private final GeneratorConsumption consumption = new GeneratorConsumption(FuelSettings.defaults());

    private static GeneratorReadings meterOnly(Series fuelUsed) {
        return new GeneratorReadings(fuelUsed, Series.empty(), Series.empty(), Series.empty(), Series.empty());
    }

    @Test
    void aFlowMeterGapInsideADayKeepsTheDayExactAndItsHoursUncovered() {
        // 12 L/h read every minute for two days, nothing from 03:00 to 04:30 on the first
        Series meter = Synthetic.modify(Synthetic.counter(at(0), at(2 * 1440 + 1), MIN, 12), at(180), at(270),
            (t, v) -> Double.NaN);
        FuelUse use = consumption.fuelUse(GEN, meterOnly(meter));
        List<ConsumptionBucket> days = use.buckets(Synthetic.T0, Synthetic.T0.plusMillis(2 * DAY), BucketSize.DAY);
        assertThat(days).hasSize(2);
        assertThat(days.get(0).litres()).isCloseTo(288, within(1e-6));
        assertThat(days.get(0).coverage()).isEqualTo(1);
        assertThat(days.get(0).source()).isEqualTo(ConsumptionSource.FLOW_METER);
        ConsumptionBucket three = use.bucket(Instant.ofEpochMilli(at(180)), Instant.ofEpochMilli(at(240)));
        assertThat(three.coverage()).as("a gap is not a zero").isZero();
        assertThat(three.litres()).isNaN();
        ConsumptionBucket four = use.bucket(Instant.ofEpochMilli(at(240)), Instant.ofEpochMilli(at(300)));
        assertThat(four.coverage()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aCounterResetLosesNothingWhenTheMeterRestartsAtAReading() {
        long reset = at(600);
        Series meter = Synthetic.sample(at(0), at(1440), MIN,
            t -> t < reset ? 12.0 * (t - at(0)) / HOUR : 12.0 * (t - reset + MIN) / HOUR, 0, 0);
        FuelUse use = consumption.fuelUse(GEN, meterOnly(meter));
        ConsumptionBucket day = use.bucket(Synthetic.T0, Synthetic.T0.plusMillis(DAY - MIN));
        assertThat(day.litres()).isCloseTo(12.0 * 1439 / 60, within(1e-6));
        assertThat(day.coverage()).isCloseTo(1 - 1.0 / 1439, within(1e-9));
    }

    @Test
    void theFuelCurveOverTheCountersIsExact() {
        // ten hours at 50 kW: 0.08 * 100 * 10 + 0.25 * 500 = 205 L
        GeneratorReadings r = new GeneratorReadings(Series.empty(), Synthetic.counter(at(0), at(601), MIN, 50),
            Synthetic.counter(at(0), at(601), MIN, 1), Series.empty(), Series.empty());
        FuelUse use = new GeneratorConsumption(FuelSettings.defaults()).fuelUse(
            new GeneratorParams("g", 100, 0.08, 0.25, false), r);
        ConsumptionBucket b = use.bucket(Synthetic.T0, Instant.ofEpochMilli(at(600)));
        assertThat(b.source()).isEqualTo(ConsumptionSource.FUEL_CURVE);
        assertThat(b.litres()).isCloseTo(205, within(1e-6));
    }

    @Test
    void withoutCountersTheCurveIsIntegratedOverPowerWhileRunningAndASpikeDoesNotCount() {
        Series power = Synthetic.modify(Synthetic.sample(at(0), at(720), MIN, t -> 50, 0, 0), at(300), at(301),
            (t, v) -> 500.0);
        Series running = Synthetic.sample(at(0), at(720), MIN, t -> t < at(600) ? 1 : 0, 0, 0);
        power = Synthetic.modify(power, at(600), at(720), (t, v) -> 0.0);
        GeneratorReadings r = new GeneratorReadings(Series.empty(), Series.empty(), Series.empty(), power, running);
        ConsumptionBucket b = new GeneratorConsumption(FuelSettings.defaults())
            .fuelUse(new GeneratorParams("g", 100, 0.08, 0.25, false), r)
            .bucket(Synthetic.T0, Instant.ofEpochMilli(at(719)));
        // 20.5 L/h for ten hours, half a minute of the stop ramp on each side of 10:00 (trapezoid)
        assertThat(b.litres()).isCloseTo(205, within(0.5));
    }

    /** One-minute runs (one power reading each between stopped ones) count when the running state confirms them. */
    @Test
    void oneMinuteRunsConfirmedByTheRunningStateAreBurnedFuel() {
        Series power = Synthetic.sample(at(0), at(180), MIN, t -> (t - at(0)) / MIN % 60 == 30 ? 60 : 0, 0, 0);
        Series running = Synthetic.sample(at(0), at(180), MIN, t -> (t - at(0)) / MIN % 60 == 30 ? 1 : 0, 0, 0);
        GeneratorReadings r = new GeneratorReadings(Series.empty(), Series.empty(), Series.empty(), power, running);

        ConsumptionBucket b = new GeneratorConsumption(FuelSettings.defaults())
            .fuelUse(new GeneratorParams("g", 100, 0.08, 0.25, false), r)
            .bucket(Synthetic.T0, Instant.ofEpochMilli(at(179)));

        // three one-minute runs at (0.08 * 100 + 0.25 * 60) L/h
        assertThat(b.litres()).isCloseTo(3 * 23.0 / 60, within(1e-9));
    }

    @Test
    void noDataGivesNoFigureNotAZero() {
        GeneratorReadings none = new GeneratorReadings(Series.empty(), Series.empty(), Series.empty(),
            Series.empty(), Series.empty());
        ConsumptionBucket b = consumption.fuelUse(GEN, none).bucket(Synthetic.T0, Synthetic.T0.plusMillis(DAY));
        assertThat(b.litres()).isNaN();
        assertThat(b.coverage()).isZero();
        assertThat(b.source()).isEqualTo(ConsumptionSource.NONE);
    }

    @Test
    void aBucketTakesTheSourceThatCoversItBestSoAMeterDropoutFallsBackToTheCurve() {
        Series meter = Synthetic.modify(Synthetic.counter(at(0), at(1441), MIN, 20.5), at(60), at(1200),
            (t, v) -> Double.NaN);
        GeneratorReadings r = new GeneratorReadings(meter, Synthetic.counter(at(0), at(1441), MIN, 50),
            Synthetic.counter(at(0), at(1441), MIN, 1), Series.empty(), Series.empty());
        FuelUse use = consumption.fuelUse(GEN, r);
        ConsumptionBucket hour = use.bucket(Instant.ofEpochMilli(at(120)), Instant.ofEpochMilli(at(180)));
        assertThat(hour.source()).isEqualTo(ConsumptionSource.FUEL_CURVE);
        assertThat(hour.litres()).isCloseTo(20.5, within(1e-6));
        assertThat(use.bucket(Synthetic.T0, Instant.ofEpochMilli(at(50))).source())
            .isEqualTo(ConsumptionSource.FLOW_METER);
    }

    @Test
    void monthBucketsFollowTheCalendar() {
        assertThat(BucketSize.MONTH.floor(Instant.parse("2026-02-17T05:00:00Z")))
            .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(BucketSize.MONTH.next(Instant.parse("2026-02-01T00:00:00Z")))
            .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }
}
