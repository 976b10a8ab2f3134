package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownMetricLogTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void warnsOncePerCampGatewayAndMetric() {
        UnknownMetricLog log = new UnknownMetricLog();

        assertThat(log.warnFirst(List.of(sighting("c-a", "gw-1", "gen.powr"), sighting("c-a", "gw-2", "gen.powr"))))
            .isEqualTo(2);
        assertThat(log.warnFirst(List.of(sighting("c-a", "gw-1", "gen.powr")))).isZero();
        assertThat(log.warnFirst(List.of(sighting("c-b", "gw-1", "gen.powr"), sighting("c-a", "gw-1", "x.y"))))
            .isEqualTo(2);
    }

    @Test
    void stopsRememberingBeyondItsBound() {
        UnknownMetricLog log = new UnknownMetricLog();
        int written = 0;
        for (int i = 0; i <= UnknownMetricLog.MAX_REMEMBERED + 5; i++) {
            written += log.warnFirst(List.of(sighting("c-a", "gw-1", "m." + i)));
        }

        assertThat(written).isEqualTo(UnknownMetricLog.MAX_REMEMBERED + 1);
        assertThat(log.warnFirst(List.of(sighting("c-z", "gw-9", "fresh")))).isZero();
    }

    private static ResolvedBatch.UnknownMetricSighting sighting(String camp, String gateway, String metric) {
        return new ResolvedBatch.UnknownMetricSighting(camp, gateway, 1, metric, T0, T0, 1);
    }
}
