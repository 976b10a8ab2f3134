package org.smartcamp.analytics.job.standard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.job.AnalysisContext;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.AssetAnalyzer;
import org.smartcamp.analytics.quality.AssetQuality;
import org.smartcamp.analytics.quality.QualityAnalyzer;
import org.smartcamp.analytics.quality.QualitySettings;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Sensor checks beyond completeness and staleness (which {@code quality.basic} decides, knowing when the whole
 * camp was silent): FLATLINE events for gauges stuck at one value longer than their noise allows, and per sensor
 * the current {@code last_seen_age_s:<metric>} ({@link QualityAnalyzer}). Settings: the {@code quality.*} keys
 * of {@link QualitySettings} per camp and asset, {@code job.sensorContext} (default 1d).
 */
public final class FlatlineAnalyzer implements AssetAnalyzer {
    private static final Set<String> FAMILIES = Set.of("quality.interval.", "quality.flatline.");

    @Override
    public String name() {
        return "quality.sensors";
    }

    @Override
    public boolean appliesTo(org.smartcamp.analytics.store.AssetInfo asset) {
        return true;
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return JobSettings.context(settings, JobSettings.SENSOR_CONTEXT);
    }

    @Override
    public boolean readsSetting(String key) {
        return QualitySettings.DEFAULTS.containsKey(key) || FAMILIES.stream().anyMatch(key::startsWith)
            || key.equals("job." + JobSettings.SENSOR_CONTEXT);
    }

    @Override
    public void checkSettings(AnalyticsSettings settings) {
        context(settings);
        settings(settings);
    }

    @Override
    public Set<EventKind> eventKinds() {
        return Set.of(EventKind.FLATLINE);
    }

    @Override
    public AnalysisOutput analyze(AnalysisContext ctx) {
        QualitySettings settings = settings(ctx.settings());
        Map<String, Series> byMetric = new LinkedHashMap<>();
        for (String metric : ctx.metrics()) {
            Series s = ctx.series(metric);
            if (!s.isEmpty()) {
                byMetric.put(metric, s);
            }
        }
        if (byMetric.isEmpty()) {
            return AnalysisOutput.empty();
        }
        AssetQuality q = new QualityAnalyzer(settings).analyze(ctx.asset().id(), byMetric, ctx.window().loadFrom(),
            ctx.window().until(), ctx.now());
        List<DetectedEvent> flat = q.events().stream().filter(e -> e.kind() == EventKind.FLATLINE).toList();
        return new AnalysisOutput(flat, List.of(), q.currentFigures());
    }

    private static QualitySettings settings(AnalyticsSettings settings) {
        return QualitySettings.of(JobSettings.only(settings, "quality.", QualitySettings.DEFAULTS.keySet(), FAMILIES));
    }
}
