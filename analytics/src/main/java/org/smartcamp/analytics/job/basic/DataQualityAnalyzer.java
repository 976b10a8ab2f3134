package org.smartcamp.analytics.job.basic;

import org.smartcamp.ingest.catalogue.Figure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.job.AnalysisContext;
import org.smartcamp.analytics.job.AnalysisOutput;
import org.smartcamp.analytics.job.AssetAnalyzer;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.power.SettingsReader;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.Rollup;
import org.smartcamp.analytics.store.Subject;

/**
 * Data-quality basics for every asset: per UTC day the completeness of each metric ({@code completeness.<metric>},
 * received over expected readings) and of the asset ({@code completeness}, their mean), and {@code stale_sensor}
 * events where a metric stopped reporting while the camp went on (see {@link StaleGaps}); the metrics that stopped
 * together make one event. Settings (per camp or asset):
 * <ul>
 *   <li>{@code quality.staleAfter} (default 30m): the shortest gap that counts, at least three usual intervals;</li>
 *   <li>{@code quality.staleCampCoverage} (default 0.5): share of the gap the camp must have reported in;</li>
 *   <li>{@code quality.expectedInterval} (default: the median rate of the metric): the reporting interval;</li>
 *   <li>{@code quality.context} (default 1d): data looked at before the changed day.</li>
 * </ul>
 */
public final class DataQualityAnalyzer implements AssetAnalyzer {
    public static final String STALE_AFTER = "quality.staleAfter";
    public static final String STALE_CAMP_COVERAGE = "quality.staleCampCoverage";
    public static final String EXPECTED_INTERVAL = "quality.expectedInterval";
    public static final String CONTEXT = "quality.context";
    /** Its keys with their defaults (an empty expected interval: the metric's median rate). */
    static final Map<String, String> DEFAULTS = Map.of(STALE_AFTER, "30m", STALE_CAMP_COVERAGE, "0.5",
        EXPECTED_INTERVAL, "", CONTEXT, "1d");

    @Override
    public String name() {
        return "quality.basic";
    }

    @Override
    public boolean appliesTo(AssetInfo asset) {
        return true;
    }

    @Override
    public Duration context(AnalyticsSettings settings) {
        return Basics.of(settings).context();
    }

    @Override
    public boolean readsSetting(String key) {
        return DEFAULTS.containsKey(key);
    }

    @Override
    public void checkSettings(AnalyticsSettings settings) {
        Basics.of(settings);
    }

    @Override
    public Set<EventKind> eventKinds() {
        return Set.of(EventKind.STALE_SENSOR);
    }

    @Override
    public AnalysisOutput analyze(AnalysisContext ctx) {
        List<LocalDate> days = Days.between(ctx.window().firstDay(), ctx.window().until());
        Map<LocalDate, List<Double>> perDay = new TreeMap<>();
        List<DailyFigure> figures = new ArrayList<>();
        Map<Instant, List<StaleMetric>> stale = new TreeMap<>();
        for (String metric : ctx.metrics()) {
            List<Rollup> hourly = ctx.hourly(metric);
            double perHour = perHour(ctx.settings(), hourly);
            Completeness.daily(hourly, perHour, days, ctx.now()).forEach((day, share) -> {
                figures.add(new DailyFigure(Subject.ASSET, ctx.asset().id(), day,
                    Figure.COMPLETENESS_OF_METRIC.of(metric), share, Figure.COMPLETENESS_OF_METRIC.unit(), share));
                perDay.computeIfAbsent(day, d -> new ArrayList<>()).add(share);
            });
            if (perHour > 0) {
                staleGaps(ctx, metric, perHour, stale);
            }
        }
        perDay.forEach((day, shares) -> {
            double mean = Completeness.mean(shares.stream().mapToDouble(Double::doubleValue).toArray());
            figures.add(new DailyFigure(Subject.ASSET, ctx.asset().id(), day, Figure.COMPLETENESS.id(), mean,
                Figure.COMPLETENESS.unit(), mean));
        });
        List<DetectedEvent> events = new ArrayList<>();
        stale.values().forEach(group -> events.add(event(ctx.asset().id(), group)));
        return new AnalysisOutput(events, figures, List.of());
    }

    private static double perHour(AnalyticsSettings settings, List<Rollup> hourly) {
        Duration interval = Basics.of(settings).expectedInterval();
        return interval == null ? Completeness.usualPerHour(hourly) : 3_600_000.0 / interval.toMillis();
    }

    private record StaleMetric(String metric, Series series, StaleGaps.Gap gap, double intervalS) {
    }

    private static void staleGaps(AnalysisContext ctx, String metric, double perHour,
                                  Map<Instant, List<StaleMetric>> stale) {
        Duration interval = Duration.ofMillis(Math.round(3_600_000 / perHour));
        Basics settings = Basics.of(ctx.settings());
        Duration minimum = settings.staleAfter();
        Duration threshold = interval.multipliedBy(3).compareTo(minimum) > 0 ? interval.multipliedBy(3) : minimum;
        double coverage = settings.staleCampCoverage();
        Series s = ctx.series(metric);
        Map<Instant, List<StaleMetric>> found = new HashMap<>();
        for (StaleGaps.Gap g : StaleGaps.find(s, threshold, ctx.camp().activity(), coverage)) {
            found.computeIfAbsent(g.start(), t -> new ArrayList<>())
                .add(new StaleMetric(metric, s, g, interval.toMillis() / 1000.0));
        }
        found.forEach((t, list) -> stale.computeIfAbsent(t, k -> new ArrayList<>()).addAll(list));
    }

    /** Its settings; {@code expectedInterval} is {@code null} when unset (the metric's median rate). */
    private record Basics(Duration context, Duration staleAfter, double staleCampCoverage, Duration expectedInterval) {
        /**
         * Its keys of {@code settings} (the {@code quality.} family is shared with the flat-line check, which reads
         * the others).
         *
         * @throws org.smartcamp.analytics.power.SettingsException naming the key of a bad value
         */
        static Basics of(AnalyticsSettings settings) {
            SettingsReader r = new SettingsReader("quality.", DEFAULTS, settings.only(DEFAULTS.keySet()));
            return new Basics(r.duration("context"), r.duration("staleAfter"), r.number("staleCampCoverage", 0, 1),
                r.optionalDuration("expectedInterval"));
        }
    }

    private static DetectedEvent event(String assetId, List<StaleMetric> group) {
        StaleMetric first = group.get(0);
        StaleGaps.Gap gap = first.gap();
        List<String> metrics = group.stream().map(StaleMetric::metric).sorted().toList();
        List<Evidence.Point> readings = new ArrayList<>();
        readings.add(new Evidence.Point(first.series().instant(gap.before()), first.series().value(gap.before())));
        if (gap.after() >= 0) {
            readings.add(new Evidence.Point(first.series().instant(gap.after()), first.series().value(gap.after())));
        }
        Map<String, Double> figures = Map.of("gap_h", gap.hours(), "expected_interval_s", first.intervalS(),
            "camp_coverage", gap.coverage(), "metrics", (double) metrics.size());
        String explanation = String.format(Locale.ROOT, "No reading of %s for %.1f h (usually every %.0f s)%s, while"
            + " the camp reported in %.0f%% of that time.", String.join(", ", metrics), gap.hours(), first.intervalS(),
            gap.after() < 0 ? ", and still none" : "", 100 * gap.coverage());
        return new DetectedEvent(EventKind.STALE_SENSOR, assetId, gap.start(), gap.end(), gap.hours(), "h",
            new Evidence(gap.start(), gap.end(), String.join(",", metrics), readings, figures, explanation));
    }
}
