package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.Tokens;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Issue 15 end to end: two camps that both have {@code dg-1}, each generator publishing through the real broker,
 * are stored as two assets, analysed apart by the analytics job (figures keyed by camp and asset) and served apart
 * by the API.
 */
class CampScopedPipelineIT {
    private static final String MISSION = "pipe";
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
    private static ApiTestServer server;
    private static Http http;
    private static String[] admin;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_pipeline");
        http = server.http();
        admin = new String[] {"Authorization", "Bearer " + Tokens.sign(Tokens.claims("ada", "admin", List.of("*"),
            List.of()))};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSameAssetIdInTwoCampsIsIngestedAnalysedAndServedApart() {
        var db = server.store().db();
        new InventoryImporter(server.store().dataSource()).importInventory(InventoryLoader.parse("pipe.yaml", """
            missions: [{id: pipe, camps: [{id: pa, assets: [{id: dg-1, kind: generator, rated_kw: 100}]},
              {id: pb, assets: [{id: dg-1, kind: generator, rated_kw: 100}]}]}]
            """));
        IngestService ingest = new IngestService(IngestProcess.config(db.url(), db.user(), db.password(),
            TestServices.mqttUrl(), "ingest-pipe-" + System.nanoTime(), TopicAddress.telemetryFilter(MISSION), 0),
            Clock.systemUTC());
        ingest.start();
        try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-pipe-" + System.nanoTime(), 10)) {
            for (int block = 0; block < 12; block++) {
                gateway.publish(new TopicAddress(MISSION, "pa", "gw-1").telemetryTopic(), payload(block, 40));
                gateway.publish(new TopicAddress(MISSION, "pb", "gw-1").telemetryTopic(), payload(block, 80));
            }
            gateway.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> db.queryLong("SELECT count(*) FROM readings r"
                + " JOIN assets a ON a.ref = r.asset_ref WHERE a.id = 'dg-1' AND a.camp_id IN ('pa', 'pb')") == 240);
        } finally {
            ingest.stop(Duration.ofSeconds(10));
        }
        server.analyseOnce();

        String range = "from=" + START.truncatedTo(ChronoUnit.DAYS) + "&to=" + START.plus(Duration.ofDays(2))
            .truncatedTo(ChronoUnit.DAYS);
        double pa = energy(http.get("/api/v1/figures/daily?camp=pa&asset=dg-1&figure=energy_kwh&" + range, admin)
            .json());
        double pb = energy(http.get("/api/v1/figures/daily?camp=pb&asset=dg-1&figure=energy_kwh&" + range, admin)
            .json());
        assertThat(pa).as("two hours at 40 kW").isCloseTo(80, within(4.0));
        assertThat(pb).as("two hours at 80 kW").isCloseTo(160, within(8.0));
        assertThat(db.queryLong("SELECT count(DISTINCT camp_id) FROM analytics_daily WHERE subject_kind = 'asset'"
            + " AND subject_id = 'dg-1' AND figure = 'energy_kwh'")).isEqualTo(2);
        assertThat(http.get("/api/v1/camps/pb/assets/dg-1/utilization?" + range, admin).json().getString("camp"))
            .isEqualTo("pb");
        assertThat(http.get("/api/v1/camps/pb/assets/dg-1/readings?bucket=1h&metric=power.active&" + range, admin)
            .json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getDouble("value")).distinct())
            .containsExactly(80.0);
        assertThat(http.get("/api/v1/assets/dg-1?" + "camp=pa", admin).json().getString("campId")).isEqualTo("pa");
        assertThat(http.get("/api/v1/assets/dg-1", admin).status()).isEqualTo(409);
    }

    /** Ten minutes of one-minute readings of power.active at {@code kw}, the block's first minute {@code block}*10. */
    private static byte[] payload(int block, double kw) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            readings.add(Reading.of("dg-1", "power.active", START.plus(Duration.ofMinutes(block * 10L + i)), kw));
        }
        return TelemetryEncoder.encode(new TelemetryBatch(block, START.plus(Duration.ofMinutes(block * 10L + 9)),
            readings));
    }

    private static double energy(JsonObject page) {
        return page.getJsonArray("items").stream().mapToDouble(o -> ((JsonObject) o).getDouble("value")).sum();
    }
}
