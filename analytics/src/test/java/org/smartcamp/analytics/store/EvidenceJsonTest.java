package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.Evidence;

class EvidenceJsonTest {

    @Test
    void evidenceIsStoredInTheContractsShapeAndReadBackUnchanged() {
        List<Evidence.Point> readings = List.of(new Evidence.Point(Instant.parse("2026-03-05T02:00:00Z"), 5210.5),
            new Evidence.Point(Instant.parse("2026-03-05T02:30:00Z"), 4960.0));
        Evidence evidence = new Evidence(Instant.parse("2026-03-05T02:00:00Z"), Instant.parse("2026-03-05T02:30:00Z"),
            "fuel.volume", readings, Map.of("level_before_l", 5210.5, "loss_l", 250.5),
            "250 L lost in 30 min with the generator off.");

        String json = EvidenceJson.write(evidence);

        assertThat(json).isEqualTo("{\"windowStart\":\"2026-03-05T02:00:00Z\",\"windowEnd\":\"2026-03-05T02:30:00Z\","
            + "\"metric\":\"fuel.volume\",\"readings\":[{\"ts\":\"2026-03-05T02:00:00Z\",\"value\":5210.5},"
            + "{\"ts\":\"2026-03-05T02:30:00Z\",\"value\":4960.0}],\"figures\":{\"level_before_l\":5210.5,"
            + "\"loss_l\":250.5},\"explanation\":\"250 L lost in 30 min with the generator off.\"}");
        assertThat(EvidenceJson.read(json)).isEqualTo(evidence);
    }

    @Test
    void figuresThatAreNotFiniteAreLeftOutAndGarbageIsRefused() {
        Evidence evidence = new Evidence(Instant.EPOCH, Instant.EPOCH, "m", List.of(),
            Map.of("nan", Double.NaN, "one", 1.0), "x");

        assertThat(EvidenceJson.read(EvidenceJson.write(evidence)).figures()).containsOnly(Map.entry("one", 1.0));
        assertThatThrownBy(() -> EvidenceJson.read("[1, 2")).isInstanceOf(IllegalArgumentException.class);
    }
}
