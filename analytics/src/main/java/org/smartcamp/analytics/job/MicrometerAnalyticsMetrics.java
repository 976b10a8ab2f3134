package org.smartcamp.analytics.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The analytics job's meters, all created here, named {@code smartcamp.analytics.*}. */
public final class MicrometerAnalyticsMetrics implements AnalyticsMetrics {
    private final Timer passesOk;
    private final Timer passesFailed;
    private final Counter buckets;
    private final Counter assets;
    private final Counter events;
    private final Counter figures;
    private final Counter failures;
    private final Map<String, AtomicReference<Instant>> marks = Map.of(AnalyticsPass.ROLLUPS,
        new AtomicReference<>(), AnalyticsPass.ANALYSIS, new AtomicReference<>());

    public MicrometerAnalyticsMetrics(MeterRegistry registry, Clock clock) {
        passesOk = pass(registry, "ok");
        passesFailed = pass(registry, "failed");
        buckets = Counter.builder("smartcamp.analytics.rollup.buckets")
            .description("Hourly rollup buckets brought up to date").register(registry);
        assets = Counter.builder("smartcamp.analytics.assets.analyzed")
            .description("Asset analyses run (one per asset with new readings per analysis)").register(registry);
        events = Counter.builder("smartcamp.analytics.events.written")
            .description("Detected events written (replacing earlier detections in their window)").register(registry);
        figures = Counter.builder("smartcamp.analytics.figures.written")
            .description("Daily and current figures written").register(registry);
        failures = Counter.builder("smartcamp.analytics.analyzer.failures")
            .description("Analyzer runs that threw; the other analyzers went on").register(registry);
        marks.forEach((stage, mark) -> Gauge.builder("smartcamp.analytics.watermark.lag", mark,
                m -> m.get() == null ? Double.NaN : Duration.between(m.get(), clock.instant()).toMillis() / 1000.0)
            .description("How far the stage's watermark is behind the clock (readings received since then are still"
                + " to be processed, or within the safety lag)")
            .baseUnit("seconds").tag("stage", stage).register(registry));
    }

    private static Timer pass(MeterRegistry registry, String outcome) {
        return Timer.builder("smartcamp.analytics.passes").description("Passes of the analytics job and their time")
            .tag("outcome", outcome).register(registry);
    }

    @Override
    public void passFinished(Duration took, boolean ok) {
        (ok ? passesOk : passesFailed).record(took);
    }

    @Override
    public void passed(PassSummary summary) {
        buckets.increment(summary.rollupBuckets());
        assets.increment(summary.assets());
        events.increment(summary.events());
        figures.increment(summary.dailyFigures() + summary.currentFigures());
        failures.increment(summary.analyzerFailures());
    }

    @Override
    public void watermark(String stage, Instant mark) {
        AtomicReference<Instant> ref = marks.get(stage);
        if (ref != null) {
            ref.set(mark);
        }
    }
}
