package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatermarkPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private final WatermarkPolicy policy = new WatermarkPolicy(Duration.ofMinutes(2));

    @Test
    void theMarkStaysTheLagBehindTheClockWhileFreshReadingsArrive() {
        Instant mark = policy.next(Instant.EPOCH, NOW.minusSeconds(5), NOW);

        assertThat(mark).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
    }

    @Test
    void theMarkNeverPassesTheLatestArrivalSeenSoASlowBatchOfTheSameIngestIsFoundNextTime() {
        Instant latest = NOW.minus(Duration.ofHours(1));

        assertThat(policy.next(Instant.EPOCH, latest, NOW)).isEqualTo(latest);
    }

    @Test
    void nothingSeenOrAnOlderCandidateLeavesTheMarkWhereItIs() {
        Instant mark = NOW.minus(Duration.ofMinutes(1));

        assertThat(policy.next(mark, null, NOW)).isEqualTo(mark);
        assertThat(policy.next(mark, NOW, NOW)).isEqualTo(mark);
    }

    @Test
    void aNegativeLagIsRefused() {
        assertThatThrownBy(() -> new WatermarkPolicy(Duration.ofSeconds(-1)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
