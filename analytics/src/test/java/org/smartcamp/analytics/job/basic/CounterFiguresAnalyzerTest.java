package org.smartcamp.analytics.job.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.job.AnalysisContext;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.AnalysisWindow;
import org.smartcamp.analytics.job.CampContext;
import org.smartcamp.analytics.job.Fixtures;
import org.smartcamp.analytics.job.MemorySeriesSource;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.CampInfo;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.simulator.truth.GeneratorTotals;

/** Daily counter figures of the small outpost's generator against the simulator's ground truth. */
class CounterFiguresAnalyzerTest {
    private static SimulatedCamp sim;
    private static AssetInfo gen;
    private static CampContext camp;

    @BeforeAll
    static void simulate() {
        sim = SimulatedCamp.run("small-outpost", null, Duration.ofDays(3));
        CampInfo info = Fixtures.camp("outpost1", Map.of());
        gen = Fixtures.generator(1, sim.assetId("gen-1"), "outpost1", 60, Map.of());
        Instant start = sim.truth().start();
        AnalysisWindow window = AnalysisWindow.of(start.plus(Duration.ofDays(1)), start.plus(Duration.ofHours(71)),
            Duration.ofDays(1), start.plus(Duration.ofDays(3)));
        camp = new CampContext(info, List.of(gen), window, MemorySeriesSource.of(sim, List.of(gen.id())));
    }

    @Test
    void energyRunningHoursFuelAndLoadFactorPerDayMatchTheGroundTruth() {
        AnalysisOutput out = new CounterFiguresAnalyzer().analyze(new AnalysisContext(gen, camp));

        Map<String, DailyFigure> figures = new TreeMap<>();
        out.daily().forEach(f -> figures.put(f.day() + " " + f.figure(), f));
        Map<LocalDate, double[]> truth = truthPerDay(sim.truth().generatorHourly(gen.id()));
        assertThat(figures).hasSize(2 * 4);
        for (LocalDate day : List.of(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-04"))) {
            double[] t = truth.get(day);
            // The counter reports every 60 s: each day boundary moves at most one minute of energy (60 kW * 1/60 h)
            // or of running time (1/60 h) from one day to the other.
            assertThat(figures.get(day + " energy_kwh").value()).isCloseTo(t[1], within(2.0));
            assertThat(figures.get(day + " running_h").value()).isCloseTo(t[2], within(2 / 60.0));
            assertThat(figures.get(day + " fuel_used_l").value()).isCloseTo(t[0], within(2 * 60 * 0.33 / 60));
            assertThat(figures.get(day + " load_factor_avg").value())
                .isCloseTo(new GeneratorTotals(t[0], t[1], t[2], 0).loadFactor(60), within(0.005));
            assertThat(figures.get(day + " energy_kwh").coverage()).isEqualTo(1.0);
            assertThat(figures.get(day + " energy_kwh").unit()).isEqualTo("kWh");
        }
    }

    @Test
    void aPvArrayGetsItsEnergyAndOtherKindsNothing() {
        CounterFiguresAnalyzer analyzer = new CounterFiguresAnalyzer();

        assertThat(analyzer.appliesTo(Fixtures.asset(2, "pv", "c", "pv"))).isTrue();
        assertThat(analyzer.appliesTo(Fixtures.asset(3, "t", "c", "fuel_tank"))).isFalse();
        assertThat(analyzer.context(gen.settings())).isEqualTo(Duration.ofDays(1));
    }

    /** Fuel, energy and running hours per UTC day. */
    private static Map<LocalDate, double[]> truthPerDay(SortedMap<Instant, GeneratorTotals> hourly) {
        Map<LocalDate, double[]> days = new TreeMap<>();
        hourly.forEach((h, t) -> {
            double[] d = days.computeIfAbsent(LocalDate.ofInstant(h, ZoneOffset.UTC), k -> new double[3]);
            d[0] += t.fuelL();
            d[1] += t.energyKwh();
            d[2] += t.runHours();
        });
        return days;
    }
}
