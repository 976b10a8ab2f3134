package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
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
 * Fuel by source, with reasons, end to end: a 60 kW set at 40 kW (14.8 L/h on its curve) with no flow meter draws
 * from a tank read every minute with 1 L of noise; 120 L are stolen on the second day while it runs. Published
 * through the real broker, ingested, analysed by the job and read through the API: each generator-day's fuel names
 * its source, the reason and its uncertainty, and the tank's daily account takes the theft out and closes within
 * its uncertainty. The account is camp-scoped and refused for what is not a fuel tank or outside the caller's scope.
 */
class FuelReconciliationIT {
    private static final String MISSION = "fuelrec";
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    private static final double BURN = 0.08 * 60 + 0.25 * 40;
    private static final long THEFT_MIN = 36 * 60;
    private static ApiTestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_fuelrec");
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theApiServesEachDaysSourceReasonAndUncertaintyAndTheTanksAccount() {
        publishAndAnalyse();
        String[] admin = {"X-API-Key", server.apiKey("admin", List.of("*"), List.of())};
        String range = "from=" + START + "&to=" + START.plus(Duration.ofDays(2));

        JsonArray fuel = http.get("/api/v1/figures/daily?camp=fr1&asset=gen-1&figure=fuel_consumed_l&" + range,
            admin).json().getJsonArray("items");
        assertThat(fuel).hasSize(2);
        for (Object o : fuel) {
            JsonObject day = (JsonObject) o;
            JsonObject detail = day.getJsonObject("detail");
            assertThat(day.getDouble("value")).as("%s", day).isCloseTo(24 * BURN, within(0.01 * 24 * BURN));
            assertThat(detail.getString("source")).as("%s", detail).isIn("calibrated_curve", "tank_level",
                "fuel_curve");
            assertThat(detail.getString("reason")).isNotBlank();
            assertThat(detail.getString("reason_text")).isNotBlank();
            assertThat(detail.getDouble("uncertainty_l")).isPositive().isLessThan(0.06 * 24 * BURN);
            assertThat(detail.getDouble("uncertainty_95_l")).isCloseTo(1.96 * detail.getDouble("uncertainty_l"),
                within(1e-6));
            assertThat(detail.getJsonObject("sources").fieldNames()).contains("fuel_curve", "tank_level");
        }
        JsonObject summary = http.get("/api/v1/camps/fr1/fuel?" + range, admin).json();
        assertThat(summary.getJsonArray("daily").stream().map(JsonObject.class::cast)
            .filter(r -> "gen-1".equals(r.getString("asset")) && "fuel_consumed_l".equals(r.getString("figure")))
            .map(r -> r.getJsonObject("detail").getString("source"))).hasSize(2);

        Http.Answer answer = http.get("/api/v1/camps/fr1/tanks/tank-1/reconciliation?" + range, admin);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonArray days = answer.json().getJsonArray("items");
        assertThat(days).hasSize(2);
        JsonObject second = days.getJsonObject(1);
        assertThat(second.getDouble("theftsL")).as("%s", second).isCloseTo(120, within(6.0));
        assertThat(second.getDouble("consumedL")).isCloseTo(24 * BURN, within(0.5));
        assertThat(second.getJsonObject("consumers").getJsonObject("gen-1").getString("source"))
            .isEqualTo("fuel_curve");
        for (Object o : days) {
            JsonObject d = (JsonObject) o;
            assertThat(d.getDouble("closingL") - d.getDouble("openingL") - d.getDouble("inL") + d.getDouble("theftsL")
                + d.getDouble("leakL") + d.getDouble("consumedL") + d.getDouble("movedOutL"))
                .as("the residual is what the account leaves: %s", d).isCloseTo(d.getDouble("residualL"),
                    within(1e-6));
            assertThat(Math.abs(d.getDouble("residualL"))).as("%s", d).isLessThan(8.0);
            assertThat(d.getBoolean("within")).as("%s", d).isTrue();
            assertThat(d.getString("verdict")).isEqualTo("within");
        }
        assertThat(http.get("/api/v1/camps/fr1/tanks/tank-1/reconciliation?format=csv&" + range, admin).body())
            .startsWith("day,camp,tank,openingL");
        assertThat(http.get("/api/v1/camps/fr1/tanks/gen-1/reconciliation", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/camps/fr1/tanks/nope/reconciliation", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/camps/fr1/tanks/tank-1/reconciliation?from=yesterday", admin).status())
            .isEqualTo(400);
        String[] elsewhere = {"X-API-Key", server.apiKey("viewer", List.of("unmiss"), List.of())};
        assertThat(http.get("/api/v1/camps/fr1/tanks/tank-1/reconciliation", elsewhere).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/camps/fr1/tanks/tank-1/reconciliation").status()).isEqualTo(401);
    }

    /** Two days of the camp through the broker and the ingest, then one pass of the analytics job. */
    private static void publishAndAnalyse() {
        var db = server.store().db();
        new InventoryImporter(server.store().dataSource()).importInventory(InventoryLoader.parse("fuelrec.yaml", """
            missions: [{id: fuelrec, camps: [{id: fr1, assets: [
              {id: gen-1, kind: generator, rated_kw: 60, fuel_curve: {f0: 0.08, f1: 0.25}, tank: tank-1},
              {id: tank-1, kind: fuel_tank, capacity_l: 5000}]}]}]
            """));
        IngestService ingest = new IngestService(IngestProcess.config(db.url(), db.user(), db.password(),
            TestServices.mqttUrl(), "ingest-fuelrec-" + System.nanoTime(), TopicAddress.telemetryFilter(MISSION), 0),
            Clock.systemUTC());
        ingest.start();
        Random noise = new Random(16);
        try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-fuelrec-" + System.nanoTime(), 10)) {
            for (int block = 0; block < 2 * 24 * 3; block++) {
                gateway.publish(new TopicAddress(MISSION, "fr1", "gw-1").telemetryTopic(), payload(block, noise));
            }
            gateway.flush();
            await().atMost(Duration.ofSeconds(120)).until(() -> db.queryLong("SELECT count(*) FROM readings r"
                + " JOIN assets a ON a.ref = r.asset_ref WHERE a.camp_id = 'fr1'") == 3L * 2 * 24 * 60);
        } finally {
            ingest.stop(Duration.ofSeconds(10));
        }
        server.analyseOnce();
    }

    /**
     * Twenty minutes of one-minute readings from minute {@code block * 20}: the set at 40 kW and running, the tank
     * falling at its burn (less 120 L over the 20 minutes from minute 2160) with 1 L of noise.
     */
    private static byte[] payload(int block, Random noise) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long minute = block * 20L + i;
            Instant t = START.plus(Duration.ofMinutes(minute));
            double stolen = 120 * Math.min(1, Math.max(0, (minute - THEFT_MIN) / 20.0));
            readings.add(Reading.of("gen-1", "power.active", t, 40));
            readings.add(Reading.of("gen-1", "engine.running", t, 1));
            readings.add(Reading.of("tank-1", "fuel.volume", t, 4000 - BURN * minute / 60 - stolen
                + noise.nextGaussian()));
        }
        return TelemetryEncoder.encode(new TelemetryBatch(block, START.plus(Duration.ofMinutes(block * 20L + 19)),
            readings));
    }
}
