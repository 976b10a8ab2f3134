package org.smartcamp.deploy.config;

import java.time.Clock;
import java.time.Duration;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.ingest.store.DatabaseConfig;

/** Builds the analytics job's configuration from resolved {@link Settings}. */
public final class AnalyticsJobSettings {
    /** Longest wait between passes after failures (the wait doubles from the interval). */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private AnalyticsJobSettings() {
    }

    /**
     * The job's settings; how late a reading may be is the ingest's {@code wire.maxAge}.
     *
     * @throws ConfigException naming the key when a value is invalid
     */
    public static AnalyticsJobConfig job(Settings s) {
        Duration interval = s.duration(ConfigKey.ANALYTICS_INTERVAL);
        Duration analysis = s.duration(ConfigKey.ANALYTICS_ANALYSIS_INTERVAL);
        if (analysis.compareTo(interval) < 0) {
            throw new ConfigException("analytics.analysisInterval (" + s.text(ConfigKey.ANALYTICS_ANALYSIS_INTERVAL)
                + ") must not be shorter than analytics.interval (" + s.text(ConfigKey.ANALYTICS_INTERVAL) + ")");
        }
        return new AnalyticsJobConfig(interval, analysis, s.duration(ConfigKey.ANALYTICS_LAG),
            s.duration(ConfigKey.WIRE_MAX_AGE), MAX_BACKOFF.compareTo(interval) > 0 ? MAX_BACKOFF : interval);
    }

    /**
     * The analytics process the launcher runs (the {@code analytics} command and the demo), with the job's
     * standard analyzers ({@link org.smartcamp.analytics.job.standard.StandardAnalyzers}).
     *
     * @param migrate whether to apply pending migrations when it opens
     */
    public static AnalyticsService service(DatabaseConfig db, AnalyticsJobConfig job, boolean migrate, Clock clock) {
        return new AnalyticsService(db, job, migrate, clock);
    }
}
