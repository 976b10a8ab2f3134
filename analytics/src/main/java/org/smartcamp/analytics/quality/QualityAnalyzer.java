package org.smartcamp.analytics.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.power.EvidenceReadings;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * The data-quality analytics of an asset's sensors: completeness per metric (received / expected readings), last
 * seen and staleness, gaps, flat-lined sensors, and the STALE_SENSOR (a gap at least as long as the stale threshold,
 * one still open included) and FLATLINE events. Pure: readings in, figures out.
 */
public final class QualityAnalyzer {
    /** Metrics that say whether an asset is running, in order of preference. */
    static final List<String> ACTIVITY = List.of("engine.running", "vehicle.ignition", "pump.running");

    private final QualitySettings settings;
    private final SensorChecker checker;

    public QualityAnalyzer(QualitySettings settings) {
        this.settings = settings;
        this.checker = new SensorChecker(settings);
    }

    /**
     * Checks every metric of one asset over {@code [from, to)}, measuring staleness at {@code asOf}.
     *
     * @param byMetric the asset's readings by metric (wire name); the asset's running state, if among them, tells
     *                 when counters must move
     */
    public AssetQuality analyze(String assetId, Map<String, Series> byMetric, Instant from, Instant to,
                                Instant asOf) {
        Series activity = ACTIVITY.stream().filter(byMetric::containsKey).findFirst().map(byMetric::get)
            .orElse(Series.empty());
        List<SensorQuality> sensors = new ArrayList<>();
        new TreeMap<>(byMetric).forEach((metric, s) -> sensors.add(checker.check(assetId, metric, s, from, to, asOf,
            activity)));
        double sum = 0;
        int n = 0;
        for (SensorQuality s : sensors) {
            if (s.completeness().known()) {
                sum += s.completeness().value();
                n++;
            }
        }
        CoveredValue completeness = n == 0 ? CoveredValue.unknown() : new CoveredValue(sum / n, (double) n
            / sensors.size());
        return new AssetQuality(assetId, sensors, completeness, events(assetId, sensors, byMetric));
    }

    private List<DetectedEvent> events(String assetId, List<SensorQuality> sensors, Map<String, Series> byMetric) {
        Map<Instant, List<Finding>> stale = new TreeMap<>();
        Map<Instant, List<Finding>> flat = new TreeMap<>();
        for (SensorQuality s : sensors) {
            for (Gap g : s.gaps()) {
                boolean leading = g.start().equals(s.from()) && !g.open();
                if (!leading && s.expectedInterval() != null
                        && g.length().compareTo(checker.staleAfter(s.expectedInterval())) >= 0) {
                    stale.computeIfAbsent(g.start(), k -> new ArrayList<>()).add(new Finding(s, g.end(), Double.NaN));
                }
            }
            for (Flatline f : s.flatlines()) {
                flat.computeIfAbsent(f.start(), k -> new ArrayList<>()).add(new Finding(s, f.end(), f.value()));
            }
        }
        List<DetectedEvent> out = new ArrayList<>();
        stale.forEach((start, found) -> out.add(event(EventKind.STALE_SENSOR, assetId, start, found, byMetric)));
        flat.forEach((start, found) -> out.add(event(EventKind.FLATLINE, assetId, start, found, byMetric)));
        return out;
    }

    private DetectedEvent event(EventKind kind, String assetId, Instant start, List<Finding> found,
                                Map<String, Series> byMetric) {
        Instant end = found.stream().map(Finding::end).max(Instant::compareTo).orElse(start);
        String metrics = String.join(",", found.stream().map(f -> f.sensor().metric()).toList());
        SensorQuality first = found.get(0).sensor();
        double hours = Duration.between(start, end).toMillis() / 3_600_000.0;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("hours", hours);
        figures.put("metrics", (double) found.size());
        figures.put("expected_interval_s", first.expectedInterval().toMillis() / 1000.0);
        String text;
        if (kind == EventKind.STALE_SENSOR) {
            boolean open = found.stream().anyMatch(f -> f.end().equals(first.asOf()));
            text = String.format(Locale.ROOT, "%s sent no readings for %.2f h%s (expected every %d s)", metrics, hours,
                open ? " and is still silent" : "", first.expectedInterval().toSeconds());
        } else {
            figures.put("value", found.get(0).value());
            text = String.format(Locale.ROOT, "%s stayed at %s for %.2f h, far longer than its noise allows", metrics,
                found.get(0).value(), hours);
        }
        Duration margin = first.expectedInterval().multipliedBy(10);
        Evidence evidence = new Evidence(start, end, metrics, EvidenceReadings.of(byMetric.get(first.metric()),
            start.minus(margin), end.plus(margin)), figures, text);
        return new DetectedEvent(kind, assetId, start, end, hours, "h", evidence);
    }

    /** One sensor's part in an event. */
    private record Finding(SensorQuality sensor, Instant end, double value) {
    }

    /** The settings in use. */
    public QualitySettings settings() {
        return settings;
    }
}
