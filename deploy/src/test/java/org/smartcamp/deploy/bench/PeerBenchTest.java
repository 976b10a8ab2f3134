package org.smartcamp.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.store.DatabaseConfig;

/** The peer's flow is the one issue 19 describes, wired in order; its report says when it was skipped. */
class PeerBenchTest {

    @Test
    void theFlowReadsQos1JsonSplitsJoinsAThousandOr200MsAndInsertsThroughPg() {
        JsonArray flow = PeerBench.flow(new DatabaseConfig("jdbc:postgresql://db.example:5433/camp", "u", "p", 4,
            null), "bench_peer_x", "tcp://127.0.0.1:1883", "m1");
        Map<String, JsonObject> byId = new HashMap<>();
        flow.forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
        JsonObject node = flow.stream().map(o -> (JsonObject) o).filter(o -> "mqtt in".equals(o.getString("type")))
            .findFirst().orElseThrow();
        assertThat(node.getString("qos")).isEqualTo("1");
        assertThat(node.getString("topic")).isEqualTo("smartcamp/v1/m1/+/+/telemetry");
        assertThat(byId.get(node.getString("broker")).getString("port")).isEqualTo("1883");
        StringBuilder types = new StringBuilder(node.getString("type"));
        while (!node.getJsonArray("wires").isEmpty()) {
            node = byId.get(node.getJsonArray("wires").getJsonArray(0).getString(0));
            types.append(" -> ").append(node.getString("type"));
            if ("join".equals(node.getString("type"))) {
                assertThat(node.getString("count")).isEqualTo("1000");
                assertThat(node.getString("timeout")).isEqualTo("0.2");
                assertThat(node.getString("build")).isEqualTo("array");
            }
        }
        assertThat(types.toString()).isEqualTo("mqtt in -> json -> change -> split -> join -> function");
        assertThat(node.getJsonArray("libs").getJsonObject(0).getString("module")).isEqualTo("pg");
        assertThat(node.getString("func")).contains("INSERT INTO \"bench_peer_x\".peer_readings",
            "ON CONFLICT DO NOTHING", "'($' + (b + 1)");
        assertThat(node.getString("initialize")).contains("new pg.Pool(", "\"host\":\"db.example\"", "\"port\":5433",
            "\"database\":\"camp\"", "\"application_name\":\"" + PeerBench.APPLICATION + "\"");
    }

    @Test
    void aSkippedPeerSaysWhyAndAProcessCpuTimeIsRead() {
        assertThat(PeerBench.Result.skip("npm is not available on this machine").markdown(100, 8))
            .contains("## Peer", "Skipped: npm is not available on this machine");
        assertThat(PeerBench.ticks(ProcessHandle.current().pid())).isPositive();
        assertThat(PeerBench.ticks(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void theReportSetsNodeRedBesideSmartCampWithLossesAndTheRatio() {
        String md = new PeerBench.Result(null, "4.1.15", 1000, 990, 2.0, new double[] {20_000, 10_000, 1_000},
            2_000).markdown(100, 8);
        assertThat(md).contains("| readings/s, first publish to last row | 495 | 2,000 |", "990 / 10",
            "| CPU-µs per reading: total | 31.3 |", "4.0x (target >= 4x)");
    }
}
