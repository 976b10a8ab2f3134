package org.smartcamp.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

class QualityAnalyzerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant T6H = T0.plus(Duration.ofHours(6));
    private static final IntPredicate ALL = i -> true;

    /** Readings every {@code every} minutes over six hours where {@code present}. */
    private static Series every(int every, IntToDoubleFunction value, IntPredicate present) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < 360; i += every) {
            if (present.test(i)) {
                b.add(T0.plusSeconds(60L * i), value.applyAsDouble(i));
            }
        }
        return b.build();
    }

    private static AssetQuality analyze(Map<String, Series> metrics, Instant asOf) {
        return new QualityAnalyzer(QualitySettings.defaults()).analyze("a", metrics, T0, T6H, asOf);
    }

    @Test
    void aGapIsCountedAndLongEnoughIsAStaleSensorEvent() {
        // one-minute readings with an hour missing from 02:00
        Series temp = every(1, i -> 30 + i % 3, i -> i < 120 || i >= 180);

        AssetQuality q = analyze(Map.of("engine.coolant_temp", temp), T6H);
        SensorQuality s = q.sensors().get(0);

        assertThat(s.expectedInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.completeness().value()).isCloseTo(300 / 360.0, within(1e-12));
        assertThat(s.gaps()).containsExactly(new Gap(T0.plusSeconds(120 * 60), T0.plusSeconds(180 * 60), false));
        assertThat(s.stale()).isFalse();
        assertThat(q.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.STALE_SENSOR);
            assertThat(e.quantity()).isCloseTo(1, within(1e-12));
            assertThat(e.evidence().readings()).isNotEmpty();
        });
    }

    @Test
    void aSensorStillSilentIsStaleUpToTheCheck() {
        Series temp = every(1, i -> 30 + i % 3, i -> i < 300);

        AssetQuality q = analyze(Map.of("engine.coolant_temp", temp), T6H);

        assertThat(q.sensors().get(0).stale()).isTrue();
        assertThat(q.sensors().get(0).lastSeenAge()).isEqualTo(Duration.ofMinutes(61));
        assertThat(q.events()).singleElement().satisfies(e -> {
            assertThat(e.end()).isEqualTo(T6H);
            assertThat(e.evidence().explanation()).contains("still silent");
        });
    }

    @Test
    void metricsMissingTogetherMakeOneEvent() {
        IntPredicate dropout = i -> i < 120 || i >= 180;
        AssetQuality q = analyze(Map.of("fuel.level", every(1, i -> 500 + i % 7, dropout),
            "fuel.volume", every(1, i -> 5000 + i % 5, dropout)), T6H);

        assertThat(q.events()).singleElement().satisfies(e -> assertThat(e.evidence().metric())
            .isEqualTo("fuel.level,fuel.volume"));
    }

    @Test
    void aStuckGaugeIsAFlatline() {
        // five-minute readings, stuck at 812.4 from 01:00 to 02:10 (15 readings)
        Series level = every(5, i -> i >= 60 && i <= 130 ? 812.4 : 800 + i % 11, ALL);

        List<DetectedEvent> events = analyze(Map.of("fuel.level", level), T6H).events();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FLATLINE);
            assertThat(e.start()).isEqualTo(T0.plusSeconds(60 * 60));
            assertThat(e.end()).isEqualTo(T0.plusSeconds(130 * 60));
            assertThat(e.evidence().figures()).containsEntry("value", 812.4);
        });
    }

    @Test
    void restStatesCountersAndStatesStayQuiet() {
        IntPredicate running = i -> i < 120;
        AssetQuality q = analyze(Map.of(
            "power.active", every(1, i -> running.test(i) ? 40 + i % 3 : 0, ALL),
            "engine.running", every(1, i -> running.test(i) ? 1 : 0, ALL),
            "engine.starts", every(1, i -> 12, ALL),
            "engine.hours", every(1, i -> 100 + Math.min(i, 120) / 60.0, ALL),
            "power.factor", every(1, i -> 0.85 + i % 2 * 0.01, running)), T6H);

        assertThat(q.events()).isEmpty();
        SensorQuality pf = q.sensors().stream().filter(s -> s.metric().equals("power.factor")).findFirst()
            .orElseThrow();
        assertThat(pf.completeness().value()).as("expected only while running").isEqualTo(1);
        assertThat(pf.gaps()).isEmpty();
    }

    @Test
    void aCounterStuckWhileTheEngineRunsIsAFlatline() {
        AssetQuality q = analyze(Map.of(
            "engine.running", every(1, i -> 1, ALL),
            "engine.hours", every(1, i -> 100 + Math.min(i, 120) / 60.0, ALL)), T6H);

        assertThat(q.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FLATLINE);
            assertThat(e.start()).isEqualTo(T0.plusSeconds(120 * 60));
        });
    }

    @Test
    void perMetricSettingsOverrideTheIntervalAndTurnChecksOff() {
        Series level = every(5, i -> i >= 60 && i <= 130 ? 812.4 : 800 + i % 11, ALL);
        QualitySettings settings = QualitySettings.of(Map.of("quality.interval.fuel.level", "1m",
            "quality.flatline.fuel.level", "off"));

        AssetQuality q = new QualityAnalyzer(settings).analyze("a", Map.of("fuel.level", level), T0, T6H, T6H);

        assertThat(q.sensors().get(0).intervalConfigured()).isTrue();
        assertThat(q.sensors().get(0).completeness().value()).isCloseTo(72 / 360.0, within(1e-12));
        assertThat(q.events()).noneMatch(e -> e.kind() == EventKind.FLATLINE);
        assertThat(q.dailyFigures()).extracting(f -> f.figure()).contains("completeness", "completeness.fuel.level");
    }

    /**
     * A noisy gauge (a value never repeated while healthy) stuck for 30 one-minute readings is flat-lined although
     * the run is far shorter than the one-hour window; the same gauge healthy for six hours is not.
     */
    @Test
    void aNoisyGaugeStuckForThirtyReadingsIsFlatLinedFarShortOfTheWindow() {
        IntToDoubleFunction noisy = i -> 40 + 3 * Math.sin(i * 1.7) + 0.01 * i;
        IntToDoubleFunction stuck = i -> i >= 200 && i < 230 ? 41.234 : noisy.applyAsDouble(i);

        AssetQuality bad = analyze(Map.of("engine.coolant_temp", every(1, stuck, ALL)), T6H);
        AssetQuality healthy = analyze(Map.of("engine.coolant_temp", every(1, noisy, ALL)), T6H);

        assertThat(bad.sensors().get(0).flatlines()).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(T0.plusSeconds(200 * 60));
            assertThat(f.samples()).isEqualTo(30);
        });
        assertThat(bad.events()).singleElement()
            .satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.FLATLINE));
        assertThat(healthy.sensors().get(0).flatlines()).isEmpty();
        assertThat(healthy.events()).isEmpty();
    }

    /**
     * A coarse gauge that often holds a value for a while (a tank level in whole litres, moving every few minutes)
     * sets its own bar: runs as long as its usual ones are not flat-lined, a run far beyond them is.
     */
    @Test
    void aCoarseGaugeIsJudgedAgainstItsOwnRuns() {
        IntToDoubleFunction coarse = i -> 5000 - i / 6;
        IntToDoubleFunction stuck = i -> i >= 120 && i < 170 ? 4980 : coarse.applyAsDouble(i);

        AssetQuality healthy = analyze(Map.of("fuel.volume", every(1, coarse, ALL)), T6H);
        AssetQuality bad = analyze(Map.of("fuel.volume", every(1, stuck, ALL)), T6H);

        assertThat(healthy.sensors().get(0).flatlines()).isEmpty();
        assertThat(bad.sensors().get(0).flatlines()).singleElement()
            .satisfies(f -> assertThat(f.samples()).isGreaterThanOrEqualTo(50));
    }

    /** The adaptive flat-line settings refuse what is not a number or lies out of range, naming the key. */
    @Test
    void badAdaptiveFlatlineSettingsAreRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QualitySettings.of(Map.of(
                "quality.flatlineRunFactor", "often")))
            .hasMessage("quality.flatlineRunFactor: 'often' is not a number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QualitySettings.of(Map.of(
                "quality.flatlineRunFactor", "0.5")))
            .hasMessageStartingWith("quality.flatlineRunFactor: '0.5' must be between");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QualitySettings.of(Map.of(
                "quality.flatlineAdaptiveMinSamples", "1")))
            .hasMessageStartingWith("quality.flatlineAdaptiveMinSamples: '1' must be between");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QualitySettings.of(Map.of(
                "quality.flatlineAdaptiveMinRuns", "1e9")))
            .hasMessageStartingWith("quality.flatlineAdaptiveMinRuns: '1e9'");
    }
}
