package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;

/**
 * Readings raw and bucketed, against the fixture's known answers: juba1-gen-1 power.active at hh:mm is
 * hh * 10 + mm / 10 kW, every 10 minutes over 2026-03-01 and -02; the 05:30 reading is flagged bad.
 */
class ReadingsRoutesIT {
    private static final String DAY1 = "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z";
    private static ApiTestServer server;
    private static Http http;
    private static String[] key;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_readings");
        http = server.http();
        key = new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"), List.of())};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rawReadingsPageThroughEveryReadingOnceInTimeOrder() {
        List<JsonObject> all = new ArrayList<>();
        String url = "/api/v1/assets/juba1-gen-1/readings?metric=power.active&" + DAY1 + "&limit=50";
        int pages = 0;
        while (url != null) {
            JsonObject page = http.get(url, key).json();
            page.getJsonArray("items").forEach(o -> all.add((JsonObject) o));
            url = page.getString("next");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(144);
        assertThat(all).extracting(r -> r.getString("timestamp")).doesNotHaveDuplicates().isSorted();
        JsonObject first = all.get(0);
        assertThat(first.getString("timestamp")).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(first.getString("camp")).isEqualTo("juba1");
        assertThat(first.getString("unit")).isEqualTo("kW");
        JsonObject bad = all.stream().filter(r -> r.getString("timestamp").equals("2026-03-01T05:30:00Z"))
            .findFirst().orElseThrow();
        assertThat(bad.getDouble("value")).isEqualTo(53.0);
        assertThat(bad.getString("quality")).isEqualTo("bad");
    }

    @Test
    void rawCsvIsTheLongFormat() {
        Http.Answer csv = http.get("/api/v1/assets/juba1-gen-1/readings?metric=power.active&from=2026-03-01T10:00:00Z"
            + "&to=2026-03-01T11:00:00Z&format=csv", key);
        assertThat(csv.header("Content-Disposition")).contains("readings.csv");
        assertThat(csv.csvHeader()).containsExactly("timestamp", "camp", "asset", "metric", "value", "unit",
            "quality");
        List<CSVRecord> rows = csv.csv();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1).toList()).containsExactly("2026-03-01T10:10:00Z", "juba1", "juba1-gen-1",
            "power.active", "101.0", "kW", "good");
        assertThat(Instant.parse(rows.get(5).get("timestamp"))).isEqualTo(Instant.parse("2026-03-01T10:50:00Z"));
    }

    @Test
    void hourlyBucketsComeFromTheRollupWithTheirStatistics() {
        JsonObject page = http.get("/api/v1/assets/juba1-gen-1/readings?metric=power.active&bucket=1h&" + DAY1, key)
            .json();
        assertThat(page.getString("bucket")).isEqualTo("1h");
        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(24);
        JsonObject ten = items.getJsonObject(10);
        assertThat(ten.getString("timestamp")).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(ten.getDouble("value")).isEqualTo(102.5);
        assertThat(ten.getLong("samples")).isEqualTo(6);
        assertThat(ten.getDouble("min")).isEqualTo(100.0);
        assertThat(ten.getDouble("max")).isEqualTo(105.0);
        assertThat(ten.getDouble("first")).isEqualTo(100.0);
        assertThat(ten.getDouble("last")).isEqualTo(105.0);
        assertThat(ten.getValue("quality")).isNull();
    }

    @Test
    void quarterHourBucketsAreBinnedFromRawReadings() {
        JsonArray items = http.get("/api/v1/assets/juba1-gen-1/readings?metric=power.active&bucket=15m"
            + "&from=2026-03-01T10:00:00Z&to=2026-03-01T11:00:00Z", key).json().getJsonArray("items");
        assertThat(items).extracting(o -> ((JsonObject) o).getString("timestamp")).containsExactly(
            "2026-03-01T10:00:00Z", "2026-03-01T10:15:00Z", "2026-03-01T10:30:00Z", "2026-03-01T10:45:00Z");
        assertThat(items).extracting(o -> ((JsonObject) o).getDouble("value")).containsExactly(100.5, 102.0, 103.5,
            105.0);
        assertThat(items).extracting(o -> ((JsonObject) o).getLong("samples")).containsExactly(2L, 1L, 2L, 1L);
    }

    @Test
    void binnedBucketsPageWithoutLosingOrRepeatingABucket() {
        String url = "/api/v1/readings?camp=juba1&metric=power.active&bucket=6h&from=2026-03-01&to=2026-03-03&limit=3";
        List<String> stamps = new ArrayList<>();
        while (url != null) {
            JsonObject page = http.get(url, key).json();
            page.getJsonArray("items").forEach(o -> stamps.add(((JsonObject) o).getString("timestamp")));
            url = page.getString("next");
        }
        assertThat(stamps).hasSize(8).doesNotHaveDuplicates();
        JsonObject day = http.get("/api/v1/readings?asset=juba1-gen-1&metric=power.active&bucket=6h"
            + "&from=2026-03-01&to=2026-03-01T06:00:00Z", key).json().getJsonArray("items").getJsonObject(0);
        assertThat(day.getDouble("value")).isEqualTo(27.5);
        assertThat(day.getLong("samples")).isEqualTo(36);
    }

    @Test
    void dailyBucketsAndMaxPointsDownsampling() {
        JsonObject daily = http.get("/api/v1/assets/juba1-tank-1/readings?bucket=1d&from=2026-03-01&to=2026-03-03",
            key).json();
        assertThat(daily.getJsonArray("items")).hasSize(2);
        assertThat(daily.getJsonArray("items").getJsonObject(0).getString("metric")).isEqualTo("fuel.volume");
        assertThat(daily.getJsonArray("items").getJsonObject(0).getDouble("value")).isEqualTo(9000 - 11.5);
        JsonObject picked = http.get("/api/v1/assets/juba1-gen-1/readings?metric=power.active&maxPoints=10"
            + "&from=2026-03-01&to=2026-03-03", key).json();
        assertThat(picked.getString("bucket")).isEqualTo("6h");
        assertThat(picked.getJsonArray("items")).hasSize(8);
    }

    @Test
    void campReadingsExportEveryAssetOfTheCampAsCsv() {
        List<CSVRecord> rows = http.get("/api/v1/readings?camp=juba1&bucket=1d&from=2026-03-01&to=2026-03-03"
            + "&format=csv", key).csv();
        assertThat(rows).extracting(r -> r.get("asset")).containsOnly("juba1-gen-1", "juba1-tank-1");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("samples")).isEqualTo("144");
    }
}
