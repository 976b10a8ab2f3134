package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellResampler;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.HampelFilter;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.Sampling;

/** Energy, hours and the fuel curve over sampled power and the running state, and the spike filter's confirmations. */
class SampledPowerTest {
    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;
    private static final double RATED = 100;
    private static final double F0 = 0.06;
    private static final double F1 = 0.25;
    private static final PowerSettings.SignalRules RULES = PowerSettings.defaults().signal();

    /** Readings every minute from T0: value i at T0 + i minutes. */
    private static Series minutes(double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = T0 + i * MIN;
        }
        return Series.of(t, values);
    }

    private static double[] flat(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    @Test
    void aOneMinuteRunBetweenStopsCountsWhole() {
        // stopped, then one minute at 60 kW (averaged reading at minute 10 covers minutes 9..10), then stopped
        double[] kw = flat(20, 0);
        kw[10] = 60;
        double[] state = flat(20, 0);
        state[9] = 1;
        Cumulative litres = SampledPower.curveLitres(F0, F1, RATED, minutes(kw), minutes(state), 5 * MIN);
        assertThat(litres.delta(T0, T0 + 20 * MIN)).isCloseTo(F0 * RATED / 60 + F1 * 1.0, within(1e-9));

        CellGrid grid = new CellGrid(T0, T0 + 20 * MIN, MIN);
        GapPolicy gaps = new GapPolicy(5 * MIN, 6 * 3_600_000L);
        CellSeries power = CellResampler.resample(minutes(kw), grid, gaps, Sampling.AVERAGED);
        CellSeries running = CellResampler.resample(minutes(state), grid, gaps, Sampling.INSTANT);
        assertThat(power.integralHours(0, grid.size())).isCloseTo(1.0, within(1e-9));
        assertThat(running.integralHours(0, grid.size())).isCloseTo(1.0 / 60, within(1e-9));
        assertThat(power.mean(9)).isEqualTo(60);
        assertThat(running.mean(9)).isEqualTo(1);
    }

    @Test
    void aStopMidIntervalIsNotATrapezoid() {
        // 40 kW until 30 s after minute 5: the averaged reading at minute 6 is 20 kW and the state then 0
        double[] kw = flat(10, 40);
        kw[6] = 20;
        for (int i = 7; i < 10; i++) {
            kw[i] = 0;
        }
        Cumulative kwh = Cumulative.ofSampledRatePerHour(minutes(kw), Sampling.AVERAGED, 5 * MIN, MIN);
        // the first reading stands for the minute before it: 6 minutes at 40 kW (minutes -1..5) and half a minute
        assertThat(kwh.delta(T0 - MIN, T0 + 9 * MIN)).isCloseTo(40.0 * 6.5 / 60, within(1e-9));
        assertThat(kwh.delta(T0 + 6 * MIN, T0 + 9 * MIN)).isZero();
    }

    @Test
    void averagedReadingsStandForTheIntervalBeforeThemInstantOnesForTheIntervalAfter() {
        Series s = minutes(0, 0, 60, 0, 0);
        Cumulative averaged = Cumulative.ofSampledRatePerHour(s, Sampling.AVERAGED, 5 * MIN, MIN);
        Cumulative instant = Cumulative.ofSampledRatePerHour(s, Sampling.INSTANT, 5 * MIN, MIN);
        assertThat(averaged.delta(T0 + MIN, T0 + 2 * MIN)).isCloseTo(1.0, within(1e-9));
        assertThat(averaged.delta(T0 + 2 * MIN, T0 + 3 * MIN)).isZero();
        assertThat(instant.delta(T0 + MIN, T0 + 2 * MIN)).isZero();
        assertThat(instant.delta(T0 + 2 * MIN, T0 + 3 * MIN)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aOneMinuteRunSplitOverTwoAveragedReadingsKeepsBothHalves() {
        // a run from 00:09:30 to 00:10:30 at 60 kW: 30 kW averaged at minutes 10 and 11, the state 1 at minute 10
        double[] kw = flat(20, 0);
        kw[10] = 30;
        kw[11] = 30;
        double[] state = flat(20, 0);
        state[10] = 1;
        HampelFilter.Result r = SampledPower.clean(minutes(kw), minutes(state), Series.empty(), RATED, RULES);
        assertThat(r.replaced()).isZero();
        assertThat(r.series().value(11)).isEqualTo(30);
    }

    @Test
    void aConfirmedOneMinuteLoadStepSurvivesTheSpikeFilter() {
        // running at 50 kW, pf 0.8; one minute at 80 kW: the apparent-power register reads 100 kVA too
        double[] kw = flat(30, 50);
        kw[15] = 80;
        double[] kva = flat(30, 62.5);
        kva[15] = 100;
        Series running = minutes(flat(30, 1));
        HampelFilter.Result confirmed = SampledPower.clean(minutes(kw), running, minutes(kva), RATED, RULES);
        assertThat(confirmed.series().value(15)).isEqualTo(80);
        assertThat(confirmed.replaced()).isZero();
        // the same reading without a register that agrees is a spike
        HampelFilter.Result unconfirmed = SampledPower.clean(minutes(kw), running, minutes(flat(30, 62.5)), RATED,
            RULES);
        assertThat(unconfirmed.series().value(15)).isEqualTo(50);
    }

    @Test
    void aLoneSpikeWhileStoppedIsRemoved() {
        double[] kw = flat(30, 0);
        kw[12] = 30;
        HampelFilter.Result r = SampledPower.clean(minutes(kw), minutes(flat(30, 0)), Series.empty(), RATED, RULES);
        assertThat(r.replaced()).isOne();
        assertThat(r.series().value(12)).isZero();
        Cumulative litres = SampledPower.curveLitres(F0, F1, RATED, minutes(kw), minutes(flat(30, 0)), 5 * MIN);
        assertThat(litres.delta(T0, T0 + 30 * MIN)).isZero();
    }
}
