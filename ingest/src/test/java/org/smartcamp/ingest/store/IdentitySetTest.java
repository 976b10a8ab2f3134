package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batch's identity set says "new" exactly when a set of (asset ref, metric id, time) records does. */
class IdentitySetTest {
    @Test
    void agreesWithAHashSetOfRecordsWhileItGrows() {
        Random random = new Random(19);
        IdentitySet set = new IdentitySet(4);
        Set<List<Object>> oracle = new HashSet<>();
        Instant base = Instant.parse("2026-11-22T10:15:00Z");
        for (int i = 0; i < 200_000; i++) {
            // few values per field, so that repeats and near misses (one field differs) are common
            int asset = random.nextInt(40) - 2;
            int metric = random.nextInt(12) - 2;
            Instant ts = base.plusSeconds(random.nextInt(60) - 30).plusNanos(random.nextInt(4) * 1_000L);
            assertThat(set.add(asset, metric, ts)).isEqualTo(oracle.add(List.of(asset, metric, ts)));
        }
    }

    @Test
    void tellsTimesApartByTheMicrosecondAndBeforeTheEpoch() {
        IdentitySet set = new IdentitySet(1);
        assertThat(set.add(1, 1, Instant.parse("1969-12-31T23:59:59.999999Z"))).isTrue();
        assertThat(set.add(1, 1, Instant.parse("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(set.add(1, 1, Instant.parse("1970-01-01T00:00:00.000001Z"))).isTrue();
        assertThat(set.add(1, 1, Instant.parse("1970-01-01T00:00:00.000001Z"))).isFalse();
        assertThat(set.add(Integer.MAX_VALUE, -1, Instant.EPOCH)).isTrue();
        assertThat(set.add(-1, Integer.MAX_VALUE, Instant.EPOCH)).isTrue();
        assertThat(set.add(Integer.MAX_VALUE, -1, Instant.EPOCH)).isFalse();
    }
}
