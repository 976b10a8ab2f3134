package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.Tokens;

/** Contract of the registry routes: missions, camps (JSON, CSV, GeoJSON), assets, metrics. */
class RegistryRoutesIT {
    private static ApiTestServer server;
    private static Http http;
    private static String[] admin;
    private static String[] logistics;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_registry");
        http = server.http();
        admin = new String[] {"Authorization", "Bearer " + Tokens.sign(Tokens.claims("ada", "admin", List.of("*"),
            List.of()))};
        logistics = new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"), List.of())};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void missionsListTheVisibleOnesWithTheirCampsInScope() {
        JsonObject all = http.get("/api/v1/missions", admin).json();
        assertThat(all.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
            .containsExactly("minusma", "unmiss");
        assertThat(all.getInteger("count")).isEqualTo(2);
        assertThat(all.getValue("next")).isNull();
        JsonObject unmiss = http.get("/api/v1/missions", logistics).json().getJsonArray("items").getJsonObject(0);
        assertThat(unmiss.getString("id")).isEqualTo("unmiss");
        assertThat(unmiss.getLong("camps")).isEqualTo(2);
        assertThat(unmiss.getString("createdAt")).endsWith("Z");
        JsonObject one = http.get("/api/v1/missions/unmiss", logistics).json();
        assertThat(one.getJsonArray("campIds")).containsExactly("juba1", "malakal");
    }

    @Test
    void campsArePagedByCursorUntilTheLastPage() {
        Http.Answer first = http.get("/api/v1/camps?limit=3", admin);
        assertThat(first.status()).isEqualTo(200);
        JsonObject page = first.json();
        assertThat(ids(page.getJsonArray("items"))).containsExactly("gao", "juba1", "kidal");
        String next = page.getString("next");
        assertThat(next).startsWith("/api/v1/camps?").contains("limit=3").contains("cursor=");
        assertThat(first.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        JsonObject second = http.get(next, admin).json();
        assertThat(ids(second.getJsonArray("items"))).containsExactly("malakal");
        assertThat(second.getValue("next")).isNull();
    }

    @Test
    void aCampHasItsPositionMissionAndAssetCount() {
        JsonObject juba = http.get("/api/v1/camps/juba1", admin).json();
        assertThat(juba.getString("missionId")).isEqualTo("unmiss");
        assertThat(juba.getDouble("latitude")).isEqualTo(4.85);
        assertThat(juba.getLong("assets")).isEqualTo(3);
        assertThat(http.get("/api/v1/camps/nowhere", admin).status()).isEqualTo(404);
    }

    @Test
    void campsAsCsvAreRfc4180WithTheQuotedNamesIntact() {
        Http.Answer csv = http.get("/api/v1/camps?mission=unmiss&format=csv", logistics);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("\r\n");
        assertThat(csv.csvHeader()).containsExactlyElementsOf(RegistryRoutes.CAMP_CSV);
        List<CSVRecord> rows = csv.csv();
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("juba1", "malakal");
        assertThat(rows.get(0).get("name")).isEqualTo("Juba, Tomping");
        assertThat(rows.get(1).get("name")).isEqualTo("Malakal, \"north\" base");
        assertThat(rows.get(0).get("latitude")).isEqualTo("4.85");
        assertThat(http.get("/api/v1/camps", "Accept", "text/csv", logistics[0], logistics[1]).csv()).hasSize(2);
    }

    @Test
    void campsAsGeoJsonArePointsWithLongitudeFirst() {
        Http.Answer geo = http.get("/api/v1/camps.geojson?mission=minusma", admin);
        assertThat(geo.header("Content-Type")).isEqualTo("application/geo+json");
        JsonObject fc = geo.json();
        assertThat(fc.getString("type")).isEqualTo("FeatureCollection");
        JsonObject gao = fc.getJsonArray("features").getJsonObject(0);
        assertThat(gao.getString("id")).isEqualTo("gao");
        assertThat(gao.getJsonObject("geometry").getJsonArray("coordinates")).containsExactly(-0.04, 16.27);
        assertThat(gao.getJsonObject("properties").getString("name")).isEqualTo("Gao super camp");
        JsonObject kidal = fc.getJsonArray("features").getJsonObject(1);
        assertThat(kidal.getValue("geometry")).isNull();
        JsonObject negotiated = http.get("/api/v1/camps?mission=minusma", "Accept", "application/geo+json",
            admin[0], admin[1]).json();
        assertThat(negotiated.getJsonArray("features")).hasSize(2);
    }

    @Test
    void assetsFilterByCampAndKind() {
        JsonObject gens = http.get("/api/v1/assets?kind=generator", logistics).json();
        assertThat(ids(gens.getJsonArray("items"))).containsExactly("juba1-gen-1", "malakal-gen-1");
        JsonObject juba = http.get("/api/v1/assets?camp=juba1&kind=fuel_tank,pv", admin).json();
        assertThat(ids(juba.getJsonArray("items"))).containsExactly("juba1-pv-1", "juba1-tank-1");
        JsonObject tank = http.get("/api/v1/assets/juba1-tank-1", admin).json();
        assertThat(tank.getDouble("capacityL")).isEqualTo(10000.0);
        assertThat(tank.getString("kind")).isEqualTo("fuel_tank");
        assertThat(tank.containsKey("ratedKw")).isFalse();
        List<CSVRecord> csv = http.get("/api/v1/assets?camp=juba1&format=csv", logistics).csv();
        assertThat(csv).extracting(r -> r.get("name")).contains("Day tank, 10,000 L");
    }

    @Test
    void theMetricCatalogueHasUnits() {
        JsonObject metrics = http.get("/api/v1/metrics", admin).json();
        JsonObject power = metrics.getJsonArray("items").stream().map(o -> (JsonObject) o)
            .filter(m -> "power.active".equals(m.getString("name"))).findFirst().orElseThrow();
        assertThat(power.getString("unit")).isEqualTo("kW");
        assertThat(http.get("/api/v1/metrics?format=csv", logistics).csv()).hasSizeGreaterThan(30);
    }

    private static List<String> ids(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }
}
