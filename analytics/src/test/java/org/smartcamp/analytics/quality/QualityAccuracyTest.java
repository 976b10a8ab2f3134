package org.smartcamp.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.power.SimulatedCamps;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * Data quality against the faults the scenarios inject: every stuck sensor is a FLATLINE, every dropout a
 * STALE_SENSOR with its window, nothing else is flagged (stopped engines, parked vehicles, night-time PV, counters
 * and states stay quiet), and completeness is exact.
 */
class QualityAccuracyTest {
    private static final Logger LOG = LoggerFactory.getLogger(QualityAccuracyTest.class);

    static Stream<Arguments> runs() {
        return SimulatedCamps.runs();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void injectedFaultsAreFoundAndNothingElse(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        QualityAnalyzer analyzer = new QualityAnalyzer(QualitySettings.defaults());
        List<DetectedEvent> events = new ArrayList<>();
        Map<String, Map<String, Series>> readings = SimulatedCamps.readings(c);
        readings.forEach((asset, metrics) -> events.addAll(analyzer.analyze(asset, metrics, c.truth().start(),
            c.truth().end(), c.truth().end()).events()));
        List<TruthEvent> faults = c.truth().events().stream().filter(e -> e.kind().equals("sensor_fault")
            && (e.detail().startsWith("stuck") || e.detail().startsWith("dropout"))).toList();
        LOG.info("{} seed {}: {} events for {} stuck/dropout faults: {}", scenario, seed, events.size(), faults.size(),
            events.stream().map(e -> e.kind() + " " + e.assetId() + " " + e.evidence().metric() + " " + e.start()
                + ".." + e.end()).toList());

        for (TruthEvent f : faults) {
            EventKind kind = f.detail().startsWith("stuck") ? EventKind.FLATLINE : EventKind.STALE_SENSOR;
            String metric = f.detail().substring(f.detail().indexOf(' ') + 1);
            Duration slack = Duration.ofMinutes(kind == EventKind.FLATLINE ? 10 : 1);
            assertThat(events).as(f.toString()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.assetId()).isEqualTo(f.asset());
                assertThat(metric.equals("all metrics") || e.evidence().metric().contains(metric)).isTrue();
                assertThat(Duration.between(f.start(), e.start()).abs()).isLessThanOrEqualTo(slack);
                assertThat(Duration.between(f.end(), e.end()).abs()).isLessThanOrEqualTo(slack);
            });
        }
        long distinct = faults.stream().map(f -> f.asset() + f.detail().substring(0, f.detail().indexOf(' '))
            + f.start()).distinct().count();
        assertThat(events).as("one event per asset, kind and start of the injected faults").hasSize((int) distinct);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void completenessCountsTheMissingReadings(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        QualityAnalyzer analyzer = new QualityAnalyzer(QualitySettings.defaults());
        List<TruthEvent> dropouts = c.truth().events().stream().filter(e -> e.kind().equals("sensor_fault")
            && e.detail().startsWith("dropout")).toList();
        SimulatedCamps.readings(c).forEach((asset, metrics) -> {
            AssetQuality q = analyzer.analyze(asset, metrics, c.truth().start(), c.truth().end(), c.truth().end());
            for (SensorQuality s : q.sensors()) {
                double missing = dropouts.stream().filter(d -> d.asset().equals(asset)
                    && (d.detail().endsWith("all metrics") || d.detail().endsWith(" " + s.metric())))
                    .mapToDouble(d -> Duration.between(d.start(), d.end()).toMillis()).sum();
                double expected = 1 - missing / Duration.between(c.truth().start(), c.truth().end()).toMillis();
                if (analyzer.settings().whileRunning().contains(s.metric())) {
                    // expected only while running: a reading may fall either side of each start and stop
                    assertThat(s.completeness().value()).as(asset + " " + s.metric()).isGreaterThan(0.99 * expected);
                    continue;
                }
                // within one reading: the simulated coolant sensor has no reading at the very first instant
                assertThat(s.completeness().value()).as(asset + " " + s.metric()).isCloseTo(expected,
                    org.assertj.core.api.Assertions.within(1.0 / s.expected()));
                assertThat(s.stale()).isFalse();
            }
        });
    }
}
