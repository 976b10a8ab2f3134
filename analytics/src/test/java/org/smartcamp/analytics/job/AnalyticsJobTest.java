package org.smartcamp.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.store.StoreException;

/** The job's loop: passes on its own thread, backs off after failures, analyzes on its own cadence, stops. */
class AnalyticsJobTest {
    private static final PassSummary OK = new PassSummary(0, Instant.EPOCH, false, 0, 0, 0, 0, 0, 0, null,
        Duration.ZERO);

    /** A pass that records when it ran and whether it analyzed, failing the first {@code failures} times. */
    private static final class FakePass implements AnalyticsJob.Pass {
        final List<Long> times = new CopyOnWriteArrayList<>();
        final List<Boolean> analyzed = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;

        FakePass(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public PassSummary run(boolean analyze) {
            times.add(System.nanoTime());
            analyzed.add(analyze);
            if (failures.getAndDecrement() > 0) {
                throw new StoreException("database down");
            }
            return OK;
        }
    }

    private static AnalyticsJobConfig config(Duration interval, Duration analysis, Duration maxBackoff) {
        return new AnalyticsJobConfig(interval, analysis, Duration.ZERO, Duration.ofDays(90), maxBackoff);
    }

    @Test
    void failedPassesAreRetriedWithADoublingWaitAndTheJobIsHealthyAgainAfterwards() {
        FakePass pass = new FakePass(3);
        AnalyticsJob job = new AnalyticsJob(pass, config(Duration.ofMillis(100), Duration.ofHours(1),
            Duration.ofSeconds(10)), AnalyticsMetrics.NONE, Clock.systemUTC());

        job.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> pass.times.size() >= 5);
        job.stop(Duration.ofSeconds(5));

        // Waits after the failures: 100, 200, 400 ms; then the normal interval of 100 ms.
        List<Long> t = pass.times;
        assertThat(millis(t.get(2) - t.get(1))).isGreaterThanOrEqualTo(190);
        assertThat(millis(t.get(3) - t.get(2))).isGreaterThanOrEqualTo(390);
        assertThat(millis(t.get(4) - t.get(3))).isBetween(90L, 350L);
        assertThat(job.healthy()).isTrue();
        assertThat(job.lastPass()).isSameAs(OK);
    }

    @Test
    void theAnalyzersRunOnTheFirstPassAndThenOnlyWhenTheirIntervalHasPassed() {
        FakePass pass = new FakePass(0);
        AnalyticsJob job = new AnalyticsJob(pass, config(Duration.ofMillis(20), Duration.ofHours(1),
            Duration.ofSeconds(1)), AnalyticsMetrics.NONE, Clock.systemUTC());

        job.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> pass.times.size() >= 4);
        job.stop(Duration.ofSeconds(5));
        int after = pass.times.size();

        assertThat(pass.analyzed.subList(0, 4)).containsExactly(true, false, false, false);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> pass.times.size() == after);
        assertThat(job.runOnce()).isSameAs(OK);
        assertThat(pass.analyzed.get(pass.analyzed.size() - 1)).isTrue();
    }

    @Test
    void aFailingPassMakesTheJobUnhealthy() {
        FakePass pass = new FakePass(Integer.MAX_VALUE);
        AnalyticsJob job = new AnalyticsJob(pass, config(Duration.ofMillis(20), Duration.ofHours(1),
            Duration.ofMillis(40)), AnalyticsMetrics.NONE, Clock.systemUTC());

        job.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> pass.times.size() >= 3);
        job.stop(Duration.ofSeconds(5));

        assertThat(job.healthy()).isFalse();
        assertThat(job.lastPass()).isNull();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
