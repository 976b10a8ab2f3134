package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How TimescaleDB refresh ranges are cut from the touched hours. */
class RollupRangesTest {
    private static Arrivals.Bucket hour(String t) {
        return new Arrivals.Bucket(1, 1, Instant.parse(t));
    }

    @Test
    void nearbyHoursMakeOneRangeAndAFarBackfillItsOwn() {
        Arrivals arrivals = new Arrivals(List.of(hour("2026-03-05T10:00:00Z"), hour("2026-03-05T11:00:00Z"),
            hour("2026-03-05T08:00:00Z"), hour("2026-03-01T03:00:00Z")), Instant.parse("2026-03-05T11:30:00Z"));

        assertThat(RollupMaintainer.ranges(arrivals, Duration.ofHours(1))).containsExactly(
            new RollupMaintainer.Range(Instant.parse("2026-03-01T03:00:00Z"), Instant.parse("2026-03-01T04:00:00Z")),
            new RollupMaintainer.Range(Instant.parse("2026-03-05T08:00:00Z"), Instant.parse("2026-03-05T12:00:00Z")));
        assertThat(RollupMaintainer.ranges(arrivals, Duration.ofDays(1))).containsExactly(
            new RollupMaintainer.Range(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")),
            new RollupMaintainer.Range(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z")));
    }

    @Test
    void theEarliestHourOfEachAssetIsWhereItsChangeBegins() {
        Arrivals arrivals = new Arrivals(List.of(
            new Arrivals.Bucket(7, 1, Instant.parse("2026-03-05T10:00:00Z")),
            new Arrivals.Bucket(7, 2, Instant.parse("2026-03-04T10:00:00Z")),
            new Arrivals.Bucket(8, 1, Instant.parse("2026-03-05T11:00:00Z"))), Instant.EPOCH);

        assertThat(arrivals.earliestHourByAsset()).containsExactly(
            Map.entry(7, Instant.parse("2026-03-04T10:00:00Z")),
            Map.entry(8, Instant.parse("2026-03-05T11:00:00Z")));
    }
}
