package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.ReportCheck;

/** Contract of the analytics routes: figures, summaries, events with evidence, data quality. */
class AnalyticsRoutesIT {
    private static ApiTestServer server;
    private static Http http;
    private static String[] key;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_analytics");
        http = server.http();
        key = new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"), List.of())};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dailyFiguresOfACampAndItsAssetsWithUnitAndCoverage() {
        JsonObject page = http.get("/api/v1/figures/daily?camp=juba1&from=2026-03-01&to=2026-03-03", key).json();
        assertThat(page.getString("from")).isEqualTo("2026-03-01");
        assertThat(page.getString("to")).isEqualTo("2026-03-03");
        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(6);
        JsonObject fuel = items.getJsonObject(4);
        assertThat(fuel.getString("subjectKind")).isEqualTo("camp");
        assertThat(fuel.getString("camp")).isEqualTo("juba1");
        assertThat(fuel.getString("day")).isEqualTo("2026-03-01");
        assertThat(fuel.getString("figure")).isEqualTo("fuel_consumed_l");
        assertThat(fuel.getDouble("value")).isEqualTo(120.5);
        assertThat(fuel.getString("unit")).isEqualTo("L");
        assertThat(fuel.getDouble("coverage")).isEqualTo(0.98);
        JsonObject onlyFuel = http.get("/api/v1/figures/daily?camp=juba1&subject=camp&figure=fuel_consumed_l"
            + "&from=2026-03-01&to=2026-03-03", key).json();
        assertThat(onlyFuel.getJsonArray("items")).hasSize(2);
    }

    @Test
    void monthlyFiguresSumQuantitiesAverageRatiosAndSayHowMuchOfTheMonthIsCovered() {
        JsonArray items = http.get("/api/v1/figures/monthly?camp=juba1&from=2026-03-01&to=2026-04-01", key).json()
            .getJsonArray("items");
        JsonObject fuel = find(items, "juba1", "fuel_consumed_l");
        assertThat(fuel.getString("month")).isEqualTo("2026-03-01");
        assertThat(fuel.getDouble("value")).isEqualTo(250.5);
        assertThat(fuel.getString("unit")).isEqualTo("L");
        assertThat(fuel.getDouble("coverage")).isCloseTo((0.98 + 0.75) / 31, within(1e-9));
        JsonObject lf = find(items, "juba1-gen-1", "load_factor_avg");
        assertThat(lf.getDouble("value")).isEqualTo(0.42);
        assertThat(lf.getDouble("coverage")).isCloseTo(0.95 / 31, within(1e-9));
        JsonObject half = find(http.get("/api/v1/figures/monthly?camp=juba1&from=2026-03-02&to=2026-03-03", key)
            .json().getJsonArray("items"), "juba1", "fuel_consumed_l");
        assertThat(half.getDouble("value")).isEqualTo(130.0);
        assertThat(half.getDouble("coverage")).isEqualTo(0.75);
        List<CSVRecord> rows = http.get("/api/v1/figures/monthly?asset=juba1-gen-1&from=2026-03-01&to=2026-04-01"
            + "&format=csv", key).csv();
        assertThat(rows.get(0).get("month")).isEqualTo("2026-03-01");

        JsonObject shortRange = http.get("/api/v1/camps/juba1/fuel?from=2026-03-01&to=2026-03-03", key).json();
        assertThat(shortRange.getString("period")).isEqualTo("day");
        assertThat(shortRange.getJsonArray("daily")).isNotEmpty();
        JsonObject quarter = http.get("/api/v1/camps/juba1/fuel?from=2026-01-01&to=2026-04-01", key).json();
        assertThat(quarter.getString("period")).isEqualTo("month");
        assertThat(find(quarter.getJsonArray("monthly"), "juba1", "fuel_consumed_l").getDouble("value"))
            .isEqualTo(250.5);
        assertThat(http.get("/api/v1/camps/juba1/fuel?period=week", key).status()).isEqualTo(400);
    }

    @Test
    void hourlyFuelPerAssetWithCoverageAndOnlyWithinTheRawRange() {
        JsonObject page = http.get("/api/v1/figures/hourly?camp=juba1&from=2026-03-01T00:00:00Z"
            + "&to=2026-03-02T00:00:00Z", key).json();
        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(2);
        assertThat(items.getJsonObject(1).getString("hour")).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(items.getJsonObject(1).getDouble("value")).isEqualTo(19.25);
        assertThat(items.getJsonObject(1).getDouble("coverage")).isEqualTo(0.5);
        assertThat(http.get("/api/v1/figures/hourly?camp=gao&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z",
            key).status()).as("another mission's camp").isEqualTo(403);
        assertThat(http.get("/api/v1/figures/hourly?camp=juba1&from=2025-01-01T00:00:00Z&to=2026-03-02T00:00:00Z",
            key).status()).isEqualTo(400);
        List<CSVRecord> rows = http.get("/api/v1/figures/hourly?asset=juba1-gen-1&from=2026-03-01T00:00:00Z"
            + "&to=2026-03-02T00:00:00Z&format=csv", key).csv();
        assertThat(rows.get(0).toList()).containsExactly("2026-03-01T10:00:00Z", "juba1", "juba1-gen-1",
            "fuel_consumed_l", "21.5", "L", "1.0", "2026-03-01T11:05:00Z");
    }

    private static JsonObject find(JsonArray items, String subject, String figure) {
        for (int i = 0; i < items.size(); i++) {
            JsonObject o = items.getJsonObject(i);
            if (subject.equals(o.getString("subjectId")) && figure.equals(o.getString("figure"))) {
                return o;
            }
        }
        throw new AssertionError(figure + " of " + subject + " not in " + items);
    }

    @Test
    void dailyFiguresPageAndExportAsTidyCsv() {
        JsonObject first = http.get("/api/v1/figures/daily?camp=juba1&from=2026-03-01&to=2026-03-03&limit=4", key)
            .json();
        JsonObject second = http.get(first.getString("next"), key).json();
        assertThat(first.getJsonArray("items").size() + second.getJsonArray("items").size()).isEqualTo(6);
        List<CSVRecord> rows = http.get("/api/v1/figures/daily?asset=juba1-gen-1&from=2026-03-01&to=2026-03-03"
            + "&format=csv", key).csv();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).toList()).containsExactly("2026-03-01", "juba1", "juba1-gen-1", "running_h", "20.0",
            "h", "1.0", "2026-03-02T01:00:00Z");
    }

    @Test
    void currentFiguresCarryTheirIntervalAndDetail() {
        JsonArray items = http.get("/api/v1/figures/current?camp=juba1", key).json().getJsonArray("items");
        JsonObject supply = items.stream().map(o -> (JsonObject) o)
            .filter(f -> "days_of_supply".equals(f.getString("figure"))).findFirst().orElseThrow();
        assertThat(supply.getDouble("value")).isEqualTo(6.5);
        assertThat(supply.getDouble("low")).isEqualTo(5.9);
        assertThat(supply.getDouble("high")).isEqualTo(7.1);
        assertThat(supply.getString("unit")).isEqualTo("d");
        assertThat(supply.getJsonObject("detail").getString("method")).isEqualTo("ols");
        List<CSVRecord> csv = http.get("/api/v1/figures/current?camp=juba1&format=csv", key).csv();
        assertThat(csv).extracting(r -> r.get("detail")).contains("{\"method\":\"ols\",\"window_days\":14}");
    }

    @Test
    void fuelPowerAndUtilizationSummaries() {
        JsonObject fuel = http.get("/api/v1/camps/juba1/fuel?from=2026-03-01&to=2026-03-03", key).json();
        assertThat(fuel.getString("summary")).isEqualTo("fuel");
        assertThat(fuel.getJsonArray("assets")).containsExactly("juba1-gen-1", "juba1-tank-1");
        assertThat(fuel.getJsonArray("daily").stream().map(o -> ((JsonObject) o).getString("figure")).distinct())
            .containsExactlyInAnyOrder("fuel_consumed_l", "refuel_l");
        assertThat(fuel.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("kind")))
            .containsExactly("refuel", "theft");
        assertThat(fuel.getJsonArray("current").getJsonObject(0).getString("figure")).isEqualTo("days_of_supply");
        JsonObject power = http.get("/api/v1/camps/juba1/power?from=2026-03-01&to=2026-03-03", key).json();
        assertThat(power.getJsonArray("daily").stream().map(o -> ((JsonObject) o).getString("figure")))
            .containsExactlyInAnyOrder("energy_kwh", "running_h", "load_factor_avg");
        assertThat(power.getJsonArray("events").stream().map(o -> ((JsonObject) o).getString("kind")))
            .containsExactly("low_load");
        JsonObject gen = http.get("/api/v1/assets/juba1-gen-1/utilization?from=2026-03-01&to=2026-03-03", key).json();
        assertThat(gen.getJsonArray("daily")).hasSize(2);
        assertThat(gen.getJsonArray("current").getJsonObject(0).getDouble("value")).isEqualTo(120.0);
        assertThat(http.get("/api/v1/camps/juba1/fuel?from=2026-03-01&to=2026-03-03&format=csv", key).csv())
            .hasSize(3);
    }

    /**
     * Each event's explanation also comes in the caller's language, written again from its figures; the detector's
     * English stays in "explanation", and an event whose figures do not say enough keeps its English. The same URL
     * asked in both languages is answered in each (the answer cache keeps them apart).
     */
    @Test
    void eventsExplainedInTheCallersLanguage() {
        String url = "/api/v1/events?camp=juba1&kind=theft,low_load&from=2026-03-01&to=2026-03-03";
        String[] french = ReportCheck.with(key, "Accept-Language", "fr-CA,fr;q=0.9");
        for (int round = 0; round < 2; round++) {
            JsonObject en = item(http.get(url, key).json(), "theft");
            assertThat(en.getString("explanation")).isEqualTo("Loss of 120 L, no generator running, hatch open");
            assertThat(en.getString("localizedExplanation")).startsWith("120\u00a0L went missing between 02:00 and"
                + " 02:10 UTC: the level fell from 9,400\u00a0L to 9,280\u00a0L");
            HttpResponse<String> r = http.get(url, french).response();
            JsonObject fr = item(new JsonObject(r.body()), "theft");
            assertThat(fr.getString("explanation")).isEqualTo(en.getString("explanation"));
            assertThat(fr.getString("localizedExplanation")).startsWith("120\u00a0L ont disparu entre 02:00 et 02:10"
                + " UTC : le niveau est tombé de 9\u00a0400\u00a0L à 9\u00a0280\u00a0L");
            assertThat(item(new JsonObject(r.body()), "low_load").getString("localizedExplanation"))
                .as("figures that say too little: the stored English").isEqualTo("Below 30 % load for 3 h");
            assertThat(r.headers().allValues("Vary")).contains("Accept-Language");
            JsonObject one = http.get("/api/v1/events/" + fr.getLong("id"), french).json();
            assertThat(one.getString("localizedExplanation")).isEqualTo(fr.getString("localizedExplanation"));
        }
    }

    /** An alarm rule's check, served as a 400 problem, is in French under Accept-Language: fr. */
    @Test
    void alarmRuleChecksAnswerInTheCallersLanguage() {
        String[] admin = {"X-API-Key", server.apiKey("admin", List.of("unmiss"), List.of())};
        String rule = "{\"name\": \"theft-juba1\", \"mission\": \"unmiss\", \"condition\": \"theft\", "
            + "\"threshold\": -5, \"severity\": \"critical\"}";
        Http.Answer fr = http.send("POST", "/api/v1/alarm-rules", rule, ReportCheck.with(admin, "Accept-Language",
            "fr"));
        assertThat(fr.status()).as(fr.body()).isEqualTo(400);
        assertThat(fr.json().getString("detail")).isEqualTo("threshold : ne doit pas être négatif, reçu -5");
        String grave = rule.replace("\"critical\"", "\"grave\"").replace("-5", "100");
        Http.Answer en = http.send("POST", "/api/v1/alarm-rules", grave, admin);
        assertThat(en.json().getString("detail")).startsWith("severity: unknown severity 'grave'; one of ");
        Http.Answer fr2 = http.send("POST", "/api/v1/alarm-rules", grave, ReportCheck.with(admin, "Accept-Language",
            "fr"));
        assertThat(fr2.json().getString("detail")).startsWith("severity : gravité inconnue « grave » ; l’une de ");
    }

    private static JsonObject item(JsonObject page, String kind) {
        return page.getJsonArray("items").stream().map(o -> (JsonObject) o).filter(e -> kind.equals(e.getString(
            "kind"))).findFirst().orElseThrow();
    }

    @Test
    void eventsWithTheirEvidence() {
        JsonObject page = http.get("/api/v1/events?camp=juba1&from=2026-03-01&to=2026-03-03", key).json();
        JsonArray items = page.getJsonArray("items");
        assertThat(items.stream().map(o -> ((JsonObject) o).getString("kind")))
            .containsExactly("refuel", "low_load", "theft", "stale_sensor");
        JsonObject refuel = items.getJsonObject(0);
        assertThat(refuel.getDouble("quantity")).isEqualTo(500.0);
        assertThat(refuel.getString("unit")).isEqualTo("L");
        assertThat(refuel.getString("start")).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(refuel.getString("explanation")).isEqualTo("Level rose by 498 L in 20 min");
        JsonObject one = http.get("/api/v1/events/" + refuel.getLong("id"), key).json();
        JsonObject evidence = one.getJsonObject("evidence");
        assertThat(evidence.getString("metric")).isEqualTo("fuel.volume");
        assertThat(evidence.getJsonArray("readings")).hasSize(2);
        assertThat(evidence.getJsonObject("figures").getDouble("level_after_l")).isEqualTo(9491.0);
        JsonArray thefts = http.get("/api/v1/events?kind=theft,leak&from=2026-03-01&to=2026-03-03", key).json()
            .getJsonArray("items");
        assertThat(thefts).hasSize(1);
        List<CSVRecord> csv = http.get("/api/v1/events?asset=juba1-gen-1&from=2026-03-01&to=2026-03-03&format=csv",
            key).csv();
        assertThat(csv).extracting(r -> r.get("kind")).containsExactly("low_load", "stale_sensor");
        assertThat(csv.get(0).get("quantity")).isEqualTo("3.0");
        assertThat(csv.get(0).get("status")).isEqualTo("active");
        assertThat(refuel.getString("status")).isEqualTo("active");
        assertThat(refuel.getInteger("revision")).isEqualTo(1);
    }

    @Test
    void aRetractedEventIsListedOnlyWhenAskedForAndItsIdStaysValid() {
        String range = "&from=2026-03-01&to=2026-03-03";
        JsonArray retracted = http.get("/api/v1/events?camp=juba1&status=retracted" + range, key).json()
            .getJsonArray("items");
        JsonArray all = http.get("/api/v1/events?camp=juba1&status=all" + range, key).json().getJsonArray("items");

        assertThat(retracted).singleElement().satisfies(o -> assertThat(((JsonObject) o).getString("kind"))
            .isEqualTo("leak"));
        assertThat(all).hasSize(5);
        JsonObject one = http.get("/api/v1/events/" + retracted.getJsonObject(0).getLong("id"), key).json();
        assertThat(one.getString("status")).isEqualTo("retracted");
        assertThat(one.getInteger("revision")).isEqualTo(2);
        assertThat(one.getString("retractedReason")).startsWith("no longer detected");
        assertThat(http.get("/api/v1/events?camp=juba1&status=gone" + range, key).status()).isEqualTo(400);
    }

    @Test
    void dataQualityReportsCoverageFaultsAndGateways() {
        JsonObject dq = http.get("/api/v1/data-quality?camp=juba1&from=2026-03-01&to=2026-03-03", key).json();
        JsonObject camp = dq.getJsonArray("items").stream().map(o -> (JsonObject) o)
            .filter(r -> "camp".equals(r.getString("subjectKind"))).findFirst().orElseThrow();
        assertThat(camp.getLong("days")).isEqualTo(2);
        assertThat(camp.getDouble("coverageMin")).isEqualTo(0.75);
        assertThat(camp.getLong("figuresBelowThreshold")).isEqualTo(1);
        assertThat(camp.getDouble("coverageMean")).isCloseTo((0.98 + 0.75 + 0.98) / 3, org.assertj.core.data.Offset
            .offset(1e-9));
        assertThat(dq.getJsonArray("events")).hasSize(1);
        assertThat(dq.getJsonArray("events").getJsonObject(0).getString("kind")).isEqualTo("stale_sensor");
        assertThat(dq.getJsonArray("gateways").getJsonObject(0).getLong("lastSeq")).isEqualTo(42);
        assertThat(http.get("/api/v1/data-quality?camp=juba1&from=2026-03-01&to=2026-03-03&format=csv", key).csv())
            .hasSize(3);
    }
}
