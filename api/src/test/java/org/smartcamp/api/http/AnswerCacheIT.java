package org.smartcamp.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Tokens;

/**
 * The answer cache changes no answer: on many routes, for callers of every role and several scopes, the bytes,
 * status and headers that matter of a server with the cache on (first answer, cached answer, gzip and deflate
 * decoded) equal those of a server with the cache off over the same database; 304 for the ETag just sent; other
 * scopes and other representations get other ETags; a write to an analytics table changes the ETag and the answer
 * at once; raw readings and the audit log are never cached.
 */
class AnswerCacheIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DAYS = "from=2026-03-01&to=2026-03-03";
    private static final String INSTANTS = "from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z";
    private static final List<String> CACHEABLE = List.of(
        "/api/v1/figures/daily?camp=juba1&" + DAYS,
        "/api/v1/figures/daily?camp=juba1&" + DAYS + "&limit=4",
        "/api/v1/figures/daily?" + DAYS,
        "/api/v1/figures/daily?asset=juba1-gen-1&" + DAYS + "&format=csv",
        "/api/v1/figures/daily?camp=gao&" + DAYS,
        "/api/v1/figures/monthly?camp=juba1&from=2026-03-01&to=2026-04-01",
        "/api/v1/figures/hourly?camp=juba1&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z",
        "/api/v1/figures/current?camp=juba1",
        "/api/v1/figures/current",
        "/api/v1/figures/current?format=csv",
        "/api/v1/camps/juba1/fuel?" + DAYS,
        "/api/v1/camps/juba1/power?from=2026-01-01&to=2026-04-01",
        "/api/v1/camps/juba1/fuel?" + DAYS + "&format=csv",
        "/api/v1/assets/juba1-gen-1/utilization?" + DAYS,
        "/api/v1/events?" + INSTANTS,
        "/api/v1/events?camp=juba1&" + INSTANTS + "&limit=1",
        "/api/v1/readings?camp=juba1&bucket=1h&" + INSTANTS,
        "/api/v1/readings?camp=juba1&bucket=1d&" + INSTANTS,
        "/api/v1/assets/juba1-gen-1/readings?bucket=1h&" + INSTANTS,
        // not cached as a whole, but its coverage and sensor faults are kept (the gateways are read each time)
        "/api/v1/data-quality?camp=juba1&" + DAYS,
        "/api/v1/data-quality?" + DAYS,
        "/api/v1/data-quality?" + DAYS + "&format=csv");

    private static ApiTestServer server;
    private static ApiService uncached;
    private static Map<String, String[]> callers;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_answer_cache");
        uncached = new ApiService(ApiTestServer.config().withRateLimit(new ApiConfig.RateLimit(1_000, 10_000))
            .withCache(new ApiConfig.Cache(0, Duration.ofSeconds(30))), server.store().dataSource(),
            Clock.fixed(ApiTestServer.NOW, ZoneOffset.UTC));
        uncached.start();
        callers = new LinkedHashMap<>();
        callers.put("admin", new String[] {"Authorization", "Bearer " + Tokens.sign(Tokens.claims("ada", "admin",
            List.of("*"), List.of()))});
        callers.put("logistics unmiss", new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"),
            List.of())});
        callers.put("viewer juba1", new String[] {"X-API-Key", server.apiKey("viewer", List.of(), List.of("juba1"))});
        callers.put("logistics gao", new String[] {"X-API-Key", server.apiKey("logistics", List.of(),
            List.of("gao"))});
    }

    @AfterAll
    static void stop() {
        if (uncached != null) {
            uncached.close();
        }
        server.close();
    }

    @Test
    void everyAnswerIsByteForByteTheUncachedOneInEveryEncoding() {
        int compared = 0;
        for (Map.Entry<String, String[]> caller : callers.entrySet()) {
            for (String path : CACHEABLE) {
                HttpResponse<byte[]> before = get(uncached.port(), path, caller.getValue());
                String what = caller.getKey() + " " + path;
                for (String encoding : List.of("", "", "gzip", "deflate", "gzip, deflate, br", "gzip;q=0")) {
                    HttpResponse<byte[]> after = get(server.service().port(), path, with(caller.getValue(),
                        "Accept-Encoding", encoding));
                    assertThat(after.statusCode()).as(what).isEqualTo(before.statusCode());
                    if (before.statusCode() != 200) {
                        continue;
                    }
                    assertThat(decoded(after)).as(what + " with Accept-Encoding " + encoding)
                        .isEqualTo(before.body());
                    for (String h : List.of("Content-Type", "Link", "Content-Disposition")) {
                        assertThat(after.headers().firstValue(h)).as(what + " " + h)
                            .isEqualTo(before.headers().firstValue(h));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(CACHEABLE.size() * 6);
        assertThat(server.service().answerCache().hits()).isPositive();
    }

    @Test
    void theETagGives304AndDependsOnScopeRouteQueryAndRepresentation() {
        String[] admin = callers.get("admin");
        String path = "/api/v1/camps/juba1/fuel?" + DAYS;
        HttpResponse<byte[]> first = get(server.service().port(), path, admin);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).matches("\"[0-9]+-[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).matches("private, max-age=[0-9]+");
        assertThat(first.headers().allValues("Vary")).contains("Accept-Encoding");

        HttpResponse<byte[]> again = get(server.service().port(), path, with(admin, "If-None-Match", tag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(tag);
        assertThat(get(server.service().port(), path, with(admin, "If-None-Match", "\"1-other\", " + tag))
            .statusCode()).isEqualTo(304);
        assertThat(get(server.service().port(), path, with(admin, "If-None-Match", "\"1-other\"")).statusCode())
            .isEqualTo(200);

        List<String> tags = new ArrayList<>(List.of(tag));
        tags.add(tagOf(path, callers.get("logistics unmiss")));
        tags.add(tagOf(path, with(admin, "Accept-Encoding", "gzip")));
        tags.add(tagOf(path, with(admin, "Accept-Encoding", "deflate")));
        // a CSV export is streamed as it is written, never held in the cache, so it carries no tag
        assertThat(get(server.service().port(), path + "&format=csv", admin).headers().firstValue("ETag")).isEmpty();
        tags.add(tagOf("/api/v1/camps/juba1/power?" + DAYS, admin));
        tags.add(tagOf("/api/v1/camps/juba1/fuel?from=2026-03-01&to=2026-03-02", admin));
        assertThat(tags).doesNotHaveDuplicates();
        HttpResponse<byte[]> gzip = get(server.service().port(), path, with(admin, "Accept-Encoding", "gzip",
            "If-None-Match", tags.get(2)));
        assertThat(gzip.statusCode()).isEqualTo(304);
    }

    @Test
    void aWriteToTheFiguresChangesTheETagAndTheAnswerAtOnce() {
        String[] admin = callers.get("admin");
        String path = "/api/v1/figures/daily?camp=malakal&" + DAYS;
        HttpResponse<byte[]> before = get(server.service().port(), path, admin);
        String tag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(get(server.service().port(), path, with(admin, "If-None-Match", tag)).statusCode())
            .isEqualTo(304);
        server.sql("INSERT INTO analytics_daily (subject_kind, camp_id, subject_id, day, figure, value, unit, coverage)"
            + " VALUES ('camp', 'malakal', 'malakal', '2026-03-02', 'fuel_consumed_l', 77.5, 'L', 1)");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get(server.service().port(), path,
            with(admin, "If-None-Match", tag)).statusCode()).isEqualTo(200));
        HttpResponse<byte[]> after = get(server.service().port(), path, admin);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tag);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("77.5");
        assertThat(after.body()).isEqualTo(get(uncached.port(), path, admin).body());
    }

    @Test
    void rawReadingsDataQualityAndRangesWithoutBothEndsAreComputedEachTimeAndTaggedByTheirBytes() {
        String[] admin = callers.get("admin");
        for (String path : List.of("/api/v1/assets/juba1-gen-1/readings?" + INSTANTS,
            "/api/v1/readings?camp=juba1&bucket=15m&" + INSTANTS, "/api/v1/data-quality?camp=juba1&" + DAYS,
            "/api/v1/figures/daily?camp=juba1", "/api/v1/events?camp=juba1")) {
            HttpResponse<byte[]> r = get(server.service().port(), path, admin);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String tag = r.headers().firstValue("ETag").orElseThrow();
            assertThat(tag).as(path).startsWith("\"b-");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("private, no-cache");
            assertThat(get(server.service().port(), path, with(admin, "If-None-Match", tag)).statusCode()).as(path)
                .isEqualTo(304);
        }
        String raw = "/api/v1/assets/juba1-gen-1/readings?" + INSTANTS;
        String tag = get(server.service().port(), raw, admin).headers().firstValue("ETag").orElseThrow();
        server.sql("INSERT INTO readings (asset_ref, metric_id, ts, value, received_at) SELECT a.ref, m.id,"
            + " '2026-03-01T12:34:56Z', 1.25, now() FROM assets a, metrics m WHERE a.id = 'juba1-gen-1'"
            + " AND m.name = 'power.active'");
        HttpResponse<byte[]> after = get(server.service().port(), raw, with(admin, "If-None-Match", tag));
        assertThat(after.statusCode()).as("a late reading is served at once").isEqualTo(200);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("2026-03-01T12:34:56Z");
    }

    @Test
    void theAuditLogAndTheRegistryAreNeverKept() {
        for (String path : List.of("/api/v1/audit", "/api/v1/camps", "/api/v1/assets?camp=juba1")) {
            HttpResponse<byte[]> r = get(server.service().port(), path, callers.get("admin"));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("ETag")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void dataQualityShowsTheGatewaysLiveWhileItsFiguresAreKept() {
        String[] admin = callers.get("admin");
        String path = "/api/v1/data-quality?camp=juba1&" + DAYS;
        get(server.service().port(), path, admin);
        server.sql("UPDATE gateways SET messages = messages + 4242 WHERE camp_id = 'juba1'");
        HttpResponse<byte[]> now = get(server.service().port(), path, admin);
        assertThat(new String(now.body(), StandardCharsets.UTF_8)).contains("\"messages\":4342");
        assertThat(now.body()).isEqualTo(get(uncached.port(), path, admin).body());
    }

    @Test
    void aCachedAnswerIsAuditedWithTheCampsItCovers() {
        String[] key = callers.get("logistics unmiss");
        String path = "/api/v1/camps/malakal/power?" + DAYS;
        get(server.service().port(), path, key);
        get(server.service().port(), path, key);
        server.service().flushAudit();
        String log = "/api/v1/audit?limit=10000&from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z";
        JsonObject audit = new JsonObject(new String(get(server.service().port(), log, callers.get("admin")).body(),
            StandardCharsets.UTF_8));
        List<JsonObject> entries = audit.getJsonArray("items").stream().map(o -> (JsonObject) o)
            .filter(e -> e.getString("path").equals("/api/v1/camps/malakal/power")).toList();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getJsonArray("camps").getList()).containsExactly("malakal");
            assertThat(e.getInteger("status")).isEqualTo(200);
        });
    }

    private static String tagOf(String path, String[] headers) {
        HttpResponse<byte[]> r = get(server.service().port(), path, headers);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.headers().firstValue("ETag").orElseThrow();
    }

    private static String[] with(String[] headers, String... more) {
        List<String> all = new ArrayList<>(List.of(headers));
        for (int i = 0; i < more.length; i += 2) {
            if (!more[i + 1].isEmpty()) {
                all.add(more[i]);
                all.add(more[i + 1]);
            }
        }
        return all.toArray(String[]::new);
    }

    private static HttpResponse<byte[]> get(int port, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decoded(HttpResponse<byte[]> r) {
        String encoding = r.headers().firstValue("Content-Encoding").orElse("identity");
        if ("identity".equals(encoding)) {
            return r.body();
        }
        try (InputStream in = "gzip".equals(encoding) ? new GZIPInputStream(new ByteArrayInputStream(r.body()))
            : new InflaterInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
