package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.Tokens;

/**
 * Issue 15 through the API: the same asset id in two camps is served apart (by camp and id, or by id with the
 * {@code camp} parameter; 409 naming the camps when the id alone is ambiguous in the caller's scope), and a
 * gateway's metrics unknown to the catalogue are listed with their sightings and counted in the data-quality view.
 */
class CampScopedRoutesIT {
    private static final String RANGE = "from=2026-03-01&to=2026-03-03";
    private static ApiTestServer server;
    private static Http http;
    private static String[] admin;
    private static String[] juba;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_campscoped");
        http = server.http();
        server.sql("INSERT INTO assets (id, camp_id, kind, name, rated_kw) VALUES ('dg-1', 'juba1', 'generator',"
            + " 'Juba DG 1', 100), ('dg-1', 'malakal', 'generator', 'Malakal DG 1', 200)");
        server.sql("INSERT INTO readings (asset_ref, metric_id, ts, value, received_at) SELECT a.ref, m.id,"
            + " '2026-03-01T10:00:00Z', CASE a.camp_id WHEN 'juba1' THEN 11 ELSE 22 END, now() FROM assets a, metrics m"
            + " WHERE a.id = 'dg-1' AND m.name = 'power.active'");
        server.sql("INSERT INTO analytics_daily (subject_kind, camp_id, subject_id, day, figure, value, unit, coverage)"
            + " VALUES ('asset', 'juba1', 'dg-1', '2026-03-01', 'running_h', 5, 'h', 1),"
            + " ('asset', 'malakal', 'dg-1', '2026-03-01', 'running_h', 9, 'h', 1)");
        server.sql("INSERT INTO metrics (name, unit, registered) VALUES ('gen.powr', 'kW', false)");
        server.sql("INSERT INTO gateway_unknown_metrics (camp_id, gateway_id, metric_id, first_seen_at, last_seen_at,"
            + " readings) SELECT 'juba1', 'gw-1', id, '2026-03-01T10:00:00Z', '2026-03-02T11:00:00Z', 42 FROM metrics"
            + " WHERE name = 'gen.powr'");
        server.sql("INSERT INTO gateways (camp_id, id, last_received_at, messages, status, status_changed_at) VALUES"
            + " ('malakal', 'gw-1', '2026-03-02T00:00:00Z', 3, 'offline', '2026-03-02T00:05:00Z')");
        server.service().reloadRegistry();
        admin = new String[] {"Authorization", "Bearer " + Tokens.sign(Tokens.claims("ada", "admin", List.of("*"),
            List.of()))};
        juba = new String[] {"X-API-Key", server.apiKey("logistics", List.of(), List.of("juba1"))};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAssetIsAddressedByCampAndIdAndEachCampsIsItsOwn() {
        JsonObject juba1 = http.get("/api/v1/camps/juba1/assets/dg-1", admin).json();
        JsonObject malakal = http.get("/api/v1/camps/malakal/assets/dg-1", admin).json();

        assertThat(juba1.getString("campId")).isEqualTo("juba1");
        assertThat(juba1.getDouble("ratedKw")).isEqualTo(100.0);
        assertThat(malakal.getString("campId")).isEqualTo("malakal");
        assertThat(malakal.getDouble("ratedKw")).isEqualTo(200.0);
        assertThat(http.get("/api/v1/camps/gao/assets/dg-1", admin).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/camps/malakal/assets/dg-1", juba).status()).isEqualTo(403);
    }

    @Test
    void anIdAloneIsServedWhenUnambiguousInScopeAnd409NamesTheCampsOtherwise() {
        Http.Answer ambiguous = http.get("/api/v1/assets/dg-1", admin);

        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(ambiguous.json().getJsonArray("camps")).containsExactly("juba1", "malakal");
        assertThat(ambiguous.json().getString("parameter")).isEqualTo("camp");
        assertThat(http.get("/api/v1/assets/dg-1?camp=malakal", admin).json().getDouble("ratedKw")).isEqualTo(200.0);
        assertThat(http.get("/api/v1/assets/dg-1", juba).json().getString("campId")).as("only juba1 in scope")
            .isEqualTo("juba1");
        assertThat(http.get("/api/v1/assets/dg-1/readings?" + RANGE, admin).status()).isEqualTo(409);
        assertThat(http.get("/api/v1/figures/daily?asset=dg-1&" + RANGE, admin).status()).isEqualTo(409);
    }

    @Test
    void readingsFiguresAndSummariesAreServedApart() {
        assertThat(values(http.get("/api/v1/camps/juba1/assets/dg-1/readings?" + RANGE, admin).json(), "value"))
            .containsExactly(11.0);
        assertThat(values(http.get("/api/v1/assets/dg-1/readings?camp=malakal&" + RANGE, admin).json(), "value"))
            .containsExactly(22.0);
        JsonArray figures = http.get("/api/v1/figures/daily?subject=asset&" + RANGE, admin).json()
            .getJsonArray("items");
        assertThat(figures.stream().map(o -> (JsonObject) o).filter(f -> "dg-1".equals(f.getString("asset")))
            .map(f -> f.getString("camp") + "=" + f.getDouble("value"))).containsExactly("juba1=5.0", "malakal=9.0");
        assertThat(values(http.get("/api/v1/figures/daily?camp=malakal&asset=dg-1&" + RANGE, admin).json(), "value"))
            .containsExactly(9.0);
        JsonObject utilization = http.get("/api/v1/camps/juba1/assets/dg-1/utilization?" + RANGE, admin).json();
        assertThat(utilization.getString("camp")).isEqualTo("juba1");
        assertThat(utilization.getJsonArray("daily").stream().map(o -> ((JsonObject) o).getDouble("value")))
            .containsExactly(5.0);
        assertThat(http.get("/api/v1/figures/daily?camp=malakal&asset=dg-1&format=csv&" + RANGE, admin).csv())
            .singleElement().satisfies(r -> assertThat(r.get("camp")).isEqualTo("malakal"));
    }

    @Test
    void aGatewayListsItsUnknownMetricsAndTheDataQualityViewCountsThem() {
        JsonObject gateway = http.get("/api/v1/camps/juba1/gateways/gw-1", juba).json();
        Http.Answer ambiguous = http.get("/api/v1/gateways/gw-1", admin);

        assertThat(gateway.getString("camp")).isEqualTo("juba1");
        assertThat(gateway.getLong("unknownMetricCount")).isEqualTo(1);
        assertThat(gateway.getJsonArray("unknownMetrics")).singleElement().isEqualTo(new JsonObject()
            .put("metric", "gen.powr").put("unit", "kW").put("firstSeenAt", "2026-03-01T10:00:00Z")
            .put("lastSeenAt", "2026-03-02T11:00:00Z").put("readings", 42L));
        assertThat(http.get("/api/v1/gateways/gw-1", juba).json().getString("camp")).isEqualTo("juba1");
        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.json().getJsonArray("camps")).containsExactly("juba1", "malakal");
        JsonObject sparkplugNode = http.get("/api/v1/gateways/gw-1?camp=malakal", admin).json();
        assertThat(sparkplugNode.getJsonArray("unknownMetrics")).isEmpty();
        assertThat(sparkplugNode.getString("status")).as("its NDEATH").isEqualTo("offline");
        assertThat(sparkplugNode.getString("statusChangedAt")).isEqualTo("2026-03-02T00:05:00Z");
        assertThat(gateway.getString("status")).as("no session-keeping format").isNull();
        assertThat(http.get("/api/v1/camps/malakal/gateways/gw-1", juba).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/camps/juba1/gateways/gw-9", juba).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/gateways/gw-g", juba).status()).as("gao's, outside the key").isEqualTo(403);
        JsonArray gateways = http.get("/api/v1/data-quality?camp=juba1", juba).json().getJsonArray("gateways");
        assertThat(gateways.stream().map(o -> (JsonObject) o).map(g -> g.getString("gateway") + ":"
            + g.getLong("unknownMetricCount") + ":" + g.getLong("unknownMetricReadings"))).containsExactly("gw-1:1:42");
    }

    private static List<Double> values(JsonObject page, String field) {
        return page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getDouble(field)).toList();
    }
}
