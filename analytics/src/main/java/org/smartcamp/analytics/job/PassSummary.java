package org.smartcamp.analytics.job;

import java.time.Duration;
import java.time.Instant;

/**
 * What one pass of the analytics job did.
 *
 * @param rollupBuckets    hourly buckets brought up to date
 * @param rollupMark       the rollup watermark after the pass
 * @param analyzed         whether the analyzers ran in this pass
 * @param assets           assets analyzed
 * @param camps            camps analyzed
 * @param events           events written
 * @param dailyFigures     daily and hourly figures written
 * @param currentFigures   current figures written
 * @param analyzerFailures analyzer runs that threw (logged; the others went on)
 * @param analysisMark     the analysis watermark after the pass
 * @param took             how long the pass took
 */
public record PassSummary(int rollupBuckets, Instant rollupMark, boolean analyzed, int assets, int camps, int events,
                          int dailyFigures, int currentFigures, int analyzerFailures, Instant analysisMark,
                          Duration took) {

    @Override
    public String toString() {
        String analysis = !analyzed ? "not due" : String.format("%d asset(s) in %d camp(s), %d event(s), %d daily or"
            + " hourly and %d current figure(s), %d analyzer failure(s), watermark %s", assets, camps, events,
            dailyFigures, currentFigures, analyzerFailures, analysisMark);
        return String.format("rollups: %d hourly bucket(s) updated, watermark %s; analysis: %s; took %d ms",
            rollupBuckets, rollupMark, analysis, took.toMillis());
    }
}
