package org.smartcamp.analytics.job.basic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.job.AnalysisContext;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.AnalysisWindow;
import org.smartcamp.analytics.job.CampContext;
import org.smartcamp.analytics.job.Fixtures;
import org.smartcamp.analytics.job.MemorySeriesSource;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * Data-quality basics on a week of the small outpost: its generator's sensors drop out for 90 minutes on day 7
 * while the tank goes on reporting (a stale sensor), and the camp's only gateway is cut for six hours on day 2
 * (a link outage, delivered later as a backlog: not a stale sensor).
 */
class DataQualityAnalyzerTest {
    private static SimulatedCamp sim;
    private static AssetInfo gen;
    private static AssetInfo tank;
    private static MemorySeriesSource store;

    @BeforeAll
    static void simulate() {
        sim = SimulatedCamp.run("small-outpost", null, Duration.ofDays(7));
        gen = Fixtures.generator(1, sim.assetId("gen-1"), "outpost1", 60, Map.of());
        tank = Fixtures.asset(2, sim.assetId("tank-1"), "outpost1", "fuel_tank");
        store = MemorySeriesSource.of(sim, List.of(gen.id(), tank.id()));
    }

    private static AnalysisOutput analyze(AssetInfo asset) {
        Instant start = sim.truth().start();
        AnalysisWindow window = AnalysisWindow.of(start, start.plus(Duration.ofHours(167)), Duration.ofDays(1),
            sim.truth().end());
        CampContext camp = new CampContext(Fixtures.camp("outpost1", Map.of()), List.of(gen, tank), window, store);
        return new DataQualityAnalyzer().analyze(new AnalysisContext(asset, camp));
    }

    @Test
    void theGeneratorsDropoutIsOneStaleSensorEventWithItsEvidence() {
        TruthEvent dropout = sim.truth().events().stream()
            .filter(e -> e.kind().equals("sensor_fault") && e.asset().equals(gen.id())
                && e.detail().contains("dropout")).findFirst().orElseThrow();

        List<DetectedEvent> events = analyze(gen).events();

        assertThat(events).hasSize(1);
        DetectedEvent e = events.get(0);
        assertThat(e.kind()).isEqualTo(EventKind.STALE_SENSOR);
        // The last reading before the dropout is a minute before it; the first after it at its end.
        assertThat(e.start()).isEqualTo(dropout.start().minusSeconds(60));
        assertThat(e.end()).isEqualTo(dropout.end());
        assertThat(e.quantity()).isCloseTo(91 / 60.0, within(1e-9));
        assertThat(e.evidence().metric()).contains("power.active", "energy.active");
        assertThat(e.evidence().readings()).hasSize(2);
        assertThat(e.evidence().figures().get("camp_coverage")).isGreaterThan(0.9);
        assertThat(e.evidence().explanation()).contains("1.5 h").contains("every 60 s");
        assertThat(analyze(tank).events()).isEmpty();
    }

    @Test
    void completenessPerMetricAndDayCountsTheDropoutAndNotTheOutageWhoseBacklogArrived() {
        Map<String, DailyFigure> figures = new TreeMap<>();
        analyze(gen).daily().forEach(f -> figures.put(f.day() + " " + f.figure(), f));

        // 91 readings of 1440 a day are missing on day 7 (03:00 to 04:30 inclusive of 03:00, exclusive of 04:30).
        assertThat(figures.get("2026-03-08 completeness.power.active").value())
            .isCloseTo(1 - 90 / 1440.0, within(1e-9));
        assertThat(figures.get("2026-03-08 completeness").value()).isCloseTo(1 - 90 / 1440.0, within(1e-9));
        assertThat(figures.get("2026-03-03 completeness.energy.active").value()).isEqualTo(1.0);
        assertThat(figures.get("2026-03-03 completeness.energy.active").coverage()).isEqualTo(1.0);
        assertThat(figures.get("2026-03-05 completeness").unit()).isEqualTo("1");
    }
}
