package org.smartcamp.analytics.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.smartcamp.analytics.alarm.AlarmEvaluator;
import org.smartcamp.analytics.store.ArrivalScanner;
import org.smartcamp.analytics.store.Arrivals;
import org.smartcamp.analytics.store.RollupMaintainer;
import org.smartcamp.analytics.store.WatermarkPolicy;
import org.smartcamp.analytics.store.Watermarks;

/**
 * One pass of the analytics job, in two stages that each keep a watermark: the rollups (every pass), then, when
 * asked, the analyzers. Each stage scans what arrived since its watermark, processes it, and only then moves its
 * watermark (as {@link WatermarkPolicy} allows), so a pass that fails is simply done again. Blocking.
 */
public final class AnalyticsPass implements AnalyticsJob.Pass {
    /** The watermark of the rollup stage. */
    public static final String ROLLUPS = "rollups";
    /** The watermark of the analysis stage. */
    public static final String ANALYSIS = "analysis";

    private final ArrivalScanner scanner;
    private final Watermarks watermarks;
    private final WatermarkPolicy policy;
    private final RollupMaintainer rollups;
    private final AnalysisStage analysis;
    private final AnalyticsMetrics metrics;
    private final Clock clock;
    private AlarmEvaluator alarms;

    public AnalyticsPass(ArrivalScanner scanner, Watermarks watermarks, WatermarkPolicy policy,
                         RollupMaintainer rollups, AnalysisStage analysis, AnalyticsMetrics metrics, Clock clock) {
        this.scanner = scanner;
        this.watermarks = watermarks;
        this.policy = policy;
        this.rollups = rollups;
        this.analysis = analysis;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs the pass.
     *
     * @param analyze whether the analyzers run too (after the rollups, so they see them up to date)
     * @throws org.smartcamp.ingest.store.StoreException when the database refuses; watermarks then stay
     */
    @Override
    public PassSummary run(boolean analyze) {
        Instant started = clock.instant();
        Instant rollupMark = watermarks.get(ROLLUPS);
        Arrivals arrived = scanner.since(rollupMark);
        int buckets = rollups.update(arrived);
        rollupMark = advance(ROLLUPS, rollupMark, arrived, started);
        AnalysisStage.Result result = AnalysisStage.Result.NONE;
        Instant analysisMark = null;
        if (analyze) {
            Instant now = clock.instant();
            analysisMark = watermarks.get(ANALYSIS);
            Arrivals changed = scanner.since(analysisMark);
            result = analysis.run(changed, now);
            analysisMark = advance(ANALYSIS, analysisMark, changed, now);
            // every analysis, even with nothing new: a silent gateway is found by the absence of data
            if (alarms != null) {
                alarms.evaluate(now);
            }
        }
        return new PassSummary(buckets, rollupMark, analyze, result.assets(), result.camps(), result.events(),
            result.dailyFigures(), result.currentFigures(), result.failures(), analysisMark,
            Duration.between(started, clock.instant()));
    }

    /** Has every analysis end by evaluating the alarm rules. */
    public AnalyticsPass withAlarms(AlarmEvaluator evaluator) {
        this.alarms = evaluator;
        return this;
    }

    /** The watermark of {@code stage} now. */
    public Instant watermark(String stage) {
        return watermarks.get(stage);
    }

    /** Has both stages process again every reading received after {@code since}. */
    public void reprocessSince(Instant since) {
        watermarks.rewind(ROLLUPS, since);
        watermarks.rewind(ANALYSIS, since);
    }

    private Instant advance(String stage, Instant mark, Arrivals arrived, Instant scanStarted) {
        Instant next = policy.next(mark, arrived.latest(), scanStarted);
        if (next.isAfter(mark)) {
            watermarks.advance(stage, next);
        }
        metrics.watermark(stage, next);
        return next;
    }
}
