package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;

/**
 * {@code GET /api/v1/catalogue} lists the asset kinds, metrics and figures this server knows with their units and
 * labels, and a query naming a figure, metric or kind outside it is a 400 problem naming it (not an empty 200).
 */
class CatalogueRoutesIT {
    private static ApiTestServer server;
    private static Http http;
    private static String[] viewer;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_catalogue");
        http = server.http();
        viewer = new String[] {"X-API-Key", server.apiKey("viewer", List.of("unmiss"), List.of())};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsAssetKindsMetricsWithUnitsAndFiguresWithUnitsAndLabels() {
        Http.Answer answer = http.get("/api/v1/catalogue", viewer);
        assertThat(answer.status()).isEqualTo(200);
        JsonObject body = answer.json();
        JsonObject generator = byName(body.getJsonArray("assetKinds"), "generator");
        assertThat(generator.getJsonObject("label").getMap()).containsEntry("en", "Generator")
            .containsEntry("fr", "Groupe électrogène");
        assertThat(byName(body.getJsonArray("assetKinds"), "unknown")).isNotNull();
        JsonObject volume = byName(body.getJsonArray("metrics"), "fuel.volume");
        assertThat(volume.getString("unit")).isEqualTo("L");
        assertThat(volume.getString("description")).isNotBlank();
        JsonObject consumed = byName(body.getJsonArray("figures"), "fuel_consumed_l");
        assertThat(consumed.getString("unit")).isEqualTo("L");
        assertThat(consumed.getString("family")).isEqualTo("fuel");
        assertThat(consumed.getJsonObject("label").getMap()).containsEntry("en", "Fuel consumed")
            .containsEntry("fr", "Carburant consommé");
        JsonObject reorder = byName(body.getJsonArray("figures"), "reorder_date");
        assertThat(reorder.getString("unit")).isEqualTo("date");
        JsonObject completeness = byName(body.getJsonArray("figures"), "completeness.{metric}");
        assertThat(completeness.getString("prefix")).isEqualTo("completeness.");
    }

    @Test
    void needsACredential() {
        assertThat(http.get("/api/v1/catalogue").status()).isEqualTo(401);
    }

    @Test
    void anUnknownFigureMetricOrKindIsA400NamingIt() {
        Map<String, String> refused = Map.of(
            "/api/v1/figures/daily?figure=fuel_used", "fuel_used",
            "/api/v1/figures/current?figure=days_of_supply,dayz_of_supply", "dayz_of_supply",
            "/api/v1/figures/hourly?figure=fuel_consumed", "fuel_consumed",
            "/api/v1/figures/monthly?figure=completeness.", "completeness.",
            "/api/v1/readings?metric=fuel.volumes", "fuel.volumes",
            "/api/v1/assets?kind=wind_turbine", "wind_turbine",
            "/api/v1/events?kind=thief", "thief");
        refused.forEach((path, name) -> {
            Http.Answer a = http.get(path, viewer);
            assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(400);
            assertThat(a.header("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(a.json().getString("detail")).as(path).contains("'" + name + "'");
        });
        assertThat(http.get("/api/v1/figures/daily?figure=completeness.fuel.volume", viewer).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/figures/current?figure=last_seen_age_s:fuel.volume", viewer).status())
            .isEqualTo(200);
    }

    private static JsonObject byName(JsonArray rows, String name) {
        return rows.stream().map(JsonObject.class::cast).filter(r -> name.equals(r.getString("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " in " + rows));
    }
}
