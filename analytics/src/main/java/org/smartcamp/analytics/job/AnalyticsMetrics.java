package org.smartcamp.analytics.job;

import java.time.Duration;
import java.time.Instant;

/** What the analytics job reports about itself (Micrometer in production, a no-op in tests). */
public interface AnalyticsMetrics {

    /** Does nothing. */
    AnalyticsMetrics NONE = new AnalyticsMetrics() {
        @Override
        public void passFinished(Duration took, boolean ok) {
        }

        @Override
        public void passed(PassSummary summary) {
        }

        @Override
        public void watermark(String stage, Instant mark) {
        }
    };

    /** A pass ended, successfully or not, after {@code took}. */
    void passFinished(Duration took, boolean ok);

    /** What a successful pass did (buckets, events, figures, analyzer failures). */
    void passed(PassSummary summary);

    /** The watermark of {@code stage} ({@code rollups} or {@code analysis}) is now {@code mark}. */
    void watermark(String stage, Instant mark);
}
