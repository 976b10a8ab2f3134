package org.smartcamp.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.RawHttp;

/** CSV exports: RFC 4180 quoting, the separator, BOM and Excel options, their refusals, a large streamed export. */
class CsvExportIT {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static ApiTestServer server;
    private static Http http;
    private static String[] key;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_csv");
        http = server.http();
        key = new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"), List.of())};
        server.sql("INSERT INTO camps (id, mission_id, name, timezone) VALUES ('wau', 'unmiss', "
            + "'Wau; \"west\",' || chr(13) || chr(10) || 'second line', 'Africa/Juba')");
        server.sql("INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at) SELECT "
            + "(SELECT ref FROM assets WHERE id = 'malakal-gen-1'), (SELECT id FROM metrics WHERE name = "
            + "'power.active'), t, extract(epoch FROM t) / 1000, 0, t FROM generate_series(TIMESTAMPTZ "
            + "'2026-03-01 00:00:00+00', TIMESTAMPTZ '2026-03-01 00:00:00+00' + INTERVAL '9999 seconds' * 10, "
            + "INTERVAL '10 seconds') t");
        server.service().reloadRegistry();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<CSVRecord> parse(String body, char sep) throws IOException {
        return CSVFormat.RFC4180.builder().setDelimiter(sep).setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(body)).getRecords();
    }

    @Test
    void valuesWithSeparatorsQuotesAndNewlinesAreQuotedAndReadBackUnchanged() throws IOException {
        String json = http.get("/api/v1/camps/wau", key).json().getString("name");
        assertThat(json).contains(";").contains("\"").contains(",").contains("\r\n");
        for (char sep : new char[] {',', ';', '\t'}) {
            String q = sep == ',' ? "" : sep == ';' ? "&sep=%3B" : "&sep=%09";
            Http.Answer a = http.get("/api/v1/camps?format=csv" + q, key);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.body()).startsWith("id" + sep);
            assertThat(a.body()).contains("\"Wau; \"\"west\"\",\r\nsecond line\"");
            CSVRecord wau = parse(a.body(), sep).stream().filter(r -> r.get("id").equals("wau")).findFirst()
                .orElseThrow();
            assertThat(wau.get("name")).isEqualTo(json);
        }
        assertThat(http.get("/api/v1/camps?format=csv&sep=tab", key).body()).startsWith("id\t");
    }

    @Test
    void aBomIsThreeBytesAtTheStartAndOnlyWhenAsked() {
        HttpResponse<byte[]> with = http.bytes("/api/v1/camps?format=csv&bom=true", key);
        assertThat(Arrays.copyOf(with.body(), 3)).isEqualTo(BOM);
        assertThat(new String(with.body(), 3, 3, StandardCharsets.UTF_8)).isEqualTo("id,");
        HttpResponse<byte[]> without = http.bytes("/api/v1/camps?format=csv", key);
        assertThat(new String(without.body(), 0, 3, StandardCharsets.UTF_8)).isEqualTo("id,");
    }

    @Test
    void theExcelProfileIsSemicolonsBomCrlfAndDecimalCommas() {
        HttpResponse<byte[]> r = http.bytes("/api/v1/figures/daily?camp=juba1&subject=camp&figure=fuel_consumed_l"
            + "&from=2026-03-01&to=2026-03-03&format=csv&profile=excel", key);
        assertThat(Arrays.copyOf(r.body(), 3)).isEqualTo(BOM);
        String body = new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8);
        assertThat(body).startsWith("day;camp;asset;figure;value;unit;coverage;computedAt\r\n")
            .contains("2026-03-01;juba1;;fuel_consumed_l;120,5;L;0,98;").contains(";130;L;0,75;");
        assertThat(body.split("\r\n")).hasSize(3);
        assertThat(http.get("/api/v1/figures/daily?camp=juba1&format=csv&profile=excel&sep=%09", key).body())
            .contains("\t120,5\t");
    }

    @Test
    void badOptionsAreRefusedNamingTheParameter() {
        for (String q : List.of("format=csv&sep=%7C", "format=csv&sep=%3B%3B", "format=csv&bom=yes",
            "format=csv&profile=word", "format=csv&profile=excel&sep=,", "sep=%3B", "bom=true")) {
            Http.Answer a = http.get("/api/v1/camps?" + q, key);
            assertThat(a.status()).as(q).isEqualTo(400);
            String param = q.contains("profile=word") ? "profile" : q.contains("bom") ? "bom" : "sep";
            assertThat(a.json().getString("detail")).as(q).contains("'" + param + "'");
        }
    }

    @Test
    void aLargeExportIsStreamedInChunks() throws IOException {
        HttpResponse<byte[]> r = http.bytes("/api/v1/readings?camp=malakal&metric=power.active&from=2026-03-01"
            + "&to=2026-03-03&limit=10000&format=csv", key);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).isEmpty();
        RawHttp.Answer raw = RawHttp.send(server.service().port(), "GET /api/v1/readings?camp=malakal"
            + "&metric=power.active&from=2026-03-01&to=2026-03-03&limit=10000&format=csv HTTP/1.1\r\nHost: 127.0.0.1"
            + "\r\nX-API-Key: " + key[1] + "\r\nConnection: close\r\n\r\n");
        assertThat(raw.hasHeader("Transfer-Encoding", "chunked")).as(raw.headers()).isTrue();
        // more than one chunk: a chunk-size line of the second chunk follows the first one's CRLF
        assertThat(raw.body().split("\r\n[0-9a-f]+\r\n").length).isGreaterThan(2);
        assertThat(r.body().length).isGreaterThan(Csv.CHUNK_CHARS * 10);
        List<CSVRecord> rows = parse(new String(r.body(), StandardCharsets.UTF_8), ',');
        assertThat(rows).hasSize(10_000);
        JsonObject json = http.get("/api/v1/readings?camp=malakal&metric=power.active&from=2026-03-01"
            + "&to=2026-03-03&limit=10000", key).json();
        for (int i : new int[] {0, 4321, 9999}) {
            JsonObject item = json.getJsonArray("items").getJsonObject(i);
            assertThat(rows.get(i).get("timestamp")).isEqualTo(item.getString("timestamp"));
            assertThat(Double.parseDouble(rows.get(i).get("value"))).isEqualTo(item.getDouble("value"));
        }
    }
}
