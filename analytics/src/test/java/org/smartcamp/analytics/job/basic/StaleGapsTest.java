package org.smartcamp.analytics.job.basic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;

class StaleGapsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    /** A reading every minute from {@code fromMin} to {@code toMin} (exclusive), minutes after T0. */
    private static void minutes(Series.Builder b, int fromMin, int toMin) {
        for (int m = fromMin; m < toMin; m++) {
            b.add(T0.plusSeconds(60L * m), m);
        }
    }

    /** Five-minute activity bins from {@code fromMin} to {@code toMin}. */
    private static List<Instant> activity(int fromMin, int toMin) {
        List<Instant> bins = new ArrayList<>();
        for (int m = fromMin; m < toMin; m += 5) {
            bins.add(T0.plusSeconds(60L * m));
        }
        return bins;
    }

    @Test
    void aGapWhileTheCampReportedIsStaleAndOneTheCampSharedIsNot() {
        Series.Builder b = Series.builder();
        minutes(b, 0, 60);
        minutes(b, 150, 300);
        minutes(b, 400, 480);
        Series s = b.build();
        List<Instant> camp = new ArrayList<>(activity(0, 300));
        camp.addAll(activity(400, 480));

        List<StaleGaps.Gap> gaps = StaleGaps.find(s, Duration.ofMinutes(30), camp, 0.5);

        // 00:59 -> 02:30 the camp went on reporting; 04:59 -> 06:40 it was silent too (a link outage).
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).start()).isEqualTo(T0.plusSeconds(59 * 60));
        assertThat(gaps.get(0).end()).isEqualTo(T0.plusSeconds(150 * 60));
        assertThat(gaps.get(0).coverage()).isEqualTo(1.0);
        assertThat(gaps.get(0).hours()).isEqualTo(91 / 60.0);
    }

    @Test
    void aSensorSilentUpToTheCampsLatestReportIsStaleUntilThen() {
        Series.Builder b = Series.builder();
        minutes(b, 0, 60);

        List<StaleGaps.Gap> gaps = StaleGaps.find(b.build(), Duration.ofMinutes(30), activity(0, 180), 0.5);

        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).after()).isEqualTo(-1);
        assertThat(gaps.get(0).end()).isEqualTo(T0.plusSeconds(180 * 60));
    }

    @Test
    void gapsShorterThanTheThresholdDoNotCount() {
        Series.Builder b = Series.builder();
        minutes(b, 0, 60);
        minutes(b, 85, 120);

        assertThat(StaleGaps.find(b.build(), Duration.ofMinutes(30), activity(0, 120), 0.5)).isEmpty();
        assertThat(StaleGaps.coverage(T0, T0.plusSeconds(60), activity(0, 10))).isZero();
    }
}
