package org.smartcamp.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.RawHttp;
import org.smartcamp.api.testsupport.Tokens;

/**
 * What an attacker or a careless client sends: SQL in every id and parameter, ranges, limits and buckets far
 * beyond the limits, broken and forged credentials. Every answer is a 4xx problem+json that says what is wrong
 * without leaking internals, never a 500, and nothing in the database changes.
 */
class HostileInputIT {
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "juba1'; DROP TABLE readings; --",
        "1) OR 1=1 --", "juba1\" UNION SELECT secret_sha256 FROM api_keys --", "%", "_", "\\", "juba1\u0000",
        "'; SELECT pg_sleep(5); --");
    private static final List<String> TABLES = List.of("missions", "camps", "assets", "readings", "analytics_daily",
        "analytics_events", "api_keys", "alarm_rules", "alarms", "alarm_history", "alarm_outbox");
    private static ApiTestServer server;
    private static Http http;
    private static String[] key;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_hostile");
        http = server.http();
        key = new String[] {"X-API-Key", server.apiKey("logistics", List.of("unmiss"), List.of())};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertProblem(Http.Answer a, String what) {
        assertThat(a.status()).as(what + ": " + a).isIn(400, 403, 404);
        assertThat(a.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonObject p = a.json();
        assertThat(p.getString("detail", p.getString("title"))).as(what).isNotBlank();
        assertThat(a.body()).as(what).doesNotContainIgnoringCase("exception").doesNotContain("org.postgresql")
            .doesNotContain("SQL state");
    }

    @Test
    void sqlInEveryIdAndParameterIsRefusedAndChangesNothing() throws SQLException {
        Map<String, Long> before = counts();
        List<String> urls = new ArrayList<>();
        for (String raw : INJECTIONS) {
            String v = enc(raw);
            urls.addAll(List.of("/api/v1/camps/" + v, "/api/v1/assets/" + v, "/api/v1/missions/" + v,
                "/api/v1/camps/" + v + "/fuel", "/api/v1/assets/" + v + "/utilization", "/api/v1/events/" + v,
                "/api/v1/camps?mission=" + v, "/api/v1/assets?camp=" + v, "/api/v1/readings?camp=juba1&metric=" + v,
                "/api/v1/readings?asset=" + v, "/api/v1/figures/daily?camp=juba1&figure=" + v,
                "/api/v1/figures/daily?camp=" + v, "/api/v1/figures/monthly?asset=" + v,
                "/api/v1/events?camp=juba1&kind=" + v, "/api/v1/figures/daily?camp=juba1&cursor=" + v,
                "/api/v1/figures/daily?camp=juba1&format=" + v, "/api/v1/readings?camp=juba1&bucket=" + v,
                "/api/v1/camps/juba1/fuel?period=" + v, "/api/v1/figures/daily?camp=juba1&from=" + v,
                "/api/v1/figures/daily?camp=juba1&limit=" + v, "/api/v1/data-quality?camp=" + v,
                "/api/v1/camps/juba1/assets/" + v, "/api/v1/camps/" + v + "/assets/juba1-gen-1",
                "/api/v1/camps/juba1/assets/" + v + "/readings", "/api/v1/camps/juba1/assets/" + v + "/utilization",
                "/api/v1/assets/juba1-gen-1?camp=" + v, "/api/v1/gateways/" + v, "/api/v1/gateways/gw-1?camp=" + v,
                "/api/v1/camps/juba1/gateways/" + v, "/api/v1/camps/" + v + "/gateways/gw-1",
                "/api/v1/camps/" + v + "/power", "/api/v1/camps/juba1/power?period=" + v, "/api/v1/alarms/" + v,
                "/api/v1/alarms?camp=" + v, "/api/v1/alarms?mission=" + v, "/api/v1/alarms?status=" + v,
                "/api/v1/alarms?severity=" + v, "/api/v1/alarm-rules/" + v, "/api/v1/alarm-rules?mission=" + v,
                "/api/v1/camps/" + v + "/reports/2026-02", "/api/v1/camps/juba1/reports/" + v,
                "/api/v1/camps/juba1/reports/2026-02?format=" + v, "/api/v1/camps/juba1/reports/2026-02?lang=" + v,
                "/api/v1/camps/" + v + "/tanks/juba1-bulk-tank/reconciliation",
                "/api/v1/camps/juba1/tanks/" + v + "/reconciliation",
                "/api/v1/camps/juba1/tanks/juba1-bulk-tank/reconciliation?from=" + v,
                "/api/v1/figures/daily?camp=juba1&sep=" + v, "/api/v1/figures/daily?camp=juba1&profile=" + v,
                "/api/v1/figures/daily?camp=juba1&format=csv&bom=" + v));
        }
        long start = System.nanoTime();
        for (String url : urls) {
            assertProblem(http.get(url, key), url);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no injected pg_sleep ran")
            .isLessThan(Duration.ofSeconds(urls.size() / 4 + 5));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void hostileWritesToTheAlarmRoutesAreRefusedAndChangeNothing() throws SQLException {
        String[] admin = {"X-API-Key", server.apiKey("admin", List.of("unmiss"), List.of())};
        Map<String, Long> before = counts();
        String rule = "{\"name\":\"theft-juba1\",\"mission\":\"unmiss\",\"camp\":\"juba1\",\"condition\":"
            + "\"theft\",\"threshold\":100,\"severity\":\"critical\",\"channels\":[{\"type\":\"mqtt\"}]}";
        List<String> bodies = new ArrayList<>(List.of("", "not json", "null", "[]", "42", "\"theft\"", "{",
            rule.substring(0, rule.length() - 1), rule.replace("100", "\"100\""), rule.replace("100", "1e999"),
            rule.replace("100", "-1e308"), rule.replace("100", "NaN"), rule.replace("[{", "{").replace("}]", "}"),
            rule.replace("\"critical\"", "[\"critical\"]"), rule.replace("\"theft\",", "{\"$ne\":1},"),
            rule.replace("{\"name\"", "{\"x\":1,\"name\""), rule.replace("{\"name\"", "{\"name\":1,\"name\""),
            rule.replace("theft-juba1", "x".repeat(10_000)), rule.replace("theft-juba1", "a\\u0000b"),
            rule.replace("theft-juba1", "a\\nb"), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
            "[".repeat(5_000) + "]".repeat(5_000), rule.replace("mqtt\"}", "mqtt\"}" + ",{\"type\":\"mqtt\"}"
                .repeat(1_000))));
        for (String raw : INJECTIONS) {
            String v = new JsonObject().put("v", raw).encode();
            v = v.substring(5, v.length() - 1);
            for (String field : List.of("\"unmiss\"", "\"juba1\"", "\"theft\"", "\"critical\"", "\"mqtt\"")) {
                bodies.add(rule.replaceFirst(java.util.regex.Pattern.quote(field),
                    java.util.regex.Matcher.quoteReplacement(v)));
            }
        }
        for (String body : bodies) {
            String what = "POST rule " + body.substring(0, Math.min(body.length(), 80));
            assertProblem(http.send("POST", "/api/v1/alarm-rules", body, admin), what);
        }
        Http.Answer large = http.send("POST", "/api/v1/alarm-rules", rule.replace("theft-juba1", "x".repeat(20_000)),
            admin);
        assertThat(large.status()).as("a body over the limit: " + large).isEqualTo(413);
        assertThat(large.header("Content-Type")).startsWith("application/problem+json");
        assertThat(large.json().getString("detail")).isEqualTo("the body is larger than 16384 bytes");
        Http.Answer twice = http.send("POST", "/api/v1/alarm-rules", rule.replace("{\"name\"",
            "{\"name\":\"other\",\"name\""), admin);
        assertThat(twice.json().getString("detail")).as("two parsers must not read two rules")
            .isEqualTo("the body is not valid JSON: field 'name' is given twice");
        Http.Answer deep = http.send("POST", "/api/v1/alarm-rules", "[".repeat(100) + "]".repeat(100), admin);
        assertThat(deep.json().getString("detail")).isEqualTo("the body nests deeper than 16 levels");
        assertThat(http.send("POST", "/api/v1/alarm-rules", "[".repeat(100) + "]".repeat(100), admin[0],
            admin[1], "Accept-Language", "fr").json().getString("detail"))
            .isEqualTo("le corps de la requête imbrique plus de 16 niveaux");
        for (String raw : INJECTIONS) {
            String v = enc(raw);
            for (String[] op : List.of(new String[] {"PUT", "/api/v1/alarm-rules/" + v},
                new String[] {"DELETE", "/api/v1/alarm-rules/" + v},
                new String[] {"POST", "/api/v1/alarms/" + v + "/acknowledge"},
                new String[] {"POST", "/api/v1/alarms/" + v + "/clear"},
                new String[] {"POST", "/api/v1/alarms/" + v + "/comments"})) {
                assertProblem(http.send(op[0], op[1], op[0].equals("DELETE") ? null : "{\"comment\":\"x\"}", admin),
                    op[0] + " " + op[1]);
            }
        }
        assertThat(counts()).as("nothing was written").isEqualTo(before);
        assertThat(http.get("/api/v1/alarm-rules", admin).status()).as("and the server serves on").isEqualTo(200);
    }

    @Test
    void rangesLimitsAndBucketsBeyondTheLimitsAreA400NamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/v1/figures/daily?camp=juba1&from=2016-01-01&to=2026-03-01", "range");
        cases.put("/api/v1/readings?asset=juba1-gen-1&from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "range");
        cases.put("/api/v1/figures/hourly?camp=juba1&from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "range");
        cases.put("/api/v1/figures/daily?camp=juba1&limit=10000000", "limit");
        cases.put("/api/v1/figures/daily?camp=juba1&limit=-1", "limit");
        cases.put("/api/v1/readings?camp=juba1&metric=power.active&bucket=1s&from=2026-02-01T00:00:00Z"
            + "&to=2026-03-01T00:00:00Z", "bucket");
        cases.put("/api/v1/events?camp=juba1&from=2026-03-02&to=2026-03-01", "from");
        cases.put("/api/v1/camps/juba1/fuel?period=fortnight", "period");
        cases.put("/api/v1/figures/daily?camp=juba1&nosuchparameter=1", "nosuchparameter");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Http.Answer a = http.get(c.getKey(), key);
            assertThat(a.status()).as(c.getKey() + ": " + a).isEqualTo(400);
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.body()).as(c.getKey()).containsIgnoringCase(c.getValue());
        }
    }

    @Test
    void malformedAndForgedCredentialsAre401WithoutDetailsThatHelpAnAttacker() {
        JsonObject good = Tokens.claims("ana", "admin", List.of("unmiss"), List.of());
        long now = Instant.now().getEpochSecond();
        String valid = Tokens.sign(good);
        String[] parts = valid.split("\\.");
        // The first character of the signature: all six of its bits are data. The last one's low bits are padding in
        // a 32-byte HS256 signature, so changing it from, say, 'B' to 'A' left the signature valid now and then.
        char first = parts[2].charAt(0);
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("no credential", new String[0]);
        cases.put("garbage", new String[] {"Authorization", "garbage"});
        cases.put("basic", new String[] {"Authorization", "Basic YWRtaW46YWRtaW4="});
        cases.put("empty bearer", new String[] {"Authorization", "Bearer "});
        cases.put("two parts", new String[] {"Authorization", "Bearer abc.def"});
        cases.put("not base64", new String[] {"Authorization", "Bearer ###.$$$.%%%"});
        cases.put("expired", bearer(Tokens.sign(good.copy().put("iat", now - 7200).put("exp", now - 3600))));
        cases.put("not yet valid", bearer(Tokens.sign(good.copy().put("nbf", now + 3600))));
        cases.put("no expiry", bearer(Tokens.sign(copyWithout(good, "exp"))));
        cases.put("tampered payload", bearer(Tokens.tampered(Tokens.claims("ana", "viewer", List.of("unmiss"),
            List.of()), good.copy().put("missions", List.of("*")))));
        cases.put("tampered signature", bearer(parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A')
            + parts[2].substring(1)));
        cases.put("alg none", bearer(Tokens.unsigned(good)));
        cases.put("another secret", bearer(Tokens.sign(good, "another-secret-of-at-least-32-bytes-987654")));
        cases.put("wrong algorithm", bearer(withHeader(valid, new JsonObject().put("alg", "HS512")
            .put("typ", "JWT"))));
        cases.put("wrong issuer", bearer(Tokens.sign(good.copy().put("iss", "someone-else"))));
        cases.put("wrong audience", bearer(Tokens.sign(good.copy().put("aud", "another-api"))));
        cases.put("unknown key", new String[] {"X-API-Key", ApiKeys.newSecret()});
        cases.put("revoked key", new String[] {"X-API-Key", storedKey(null, true)});
        cases.put("expired key", new String[] {"X-API-Key", storedKey(ApiTestServer.NOW.minus(Duration.ofDays(1)),
            false)});
        cases.put("key and token", new String[] {"X-API-Key", key[1], "Authorization", "Bearer " + valid});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Http.Answer a = http.get("/api/v1/camps/juba1", c.getValue());
            assertThat(a.status()).as(c.getKey() + ": " + a).isEqualTo(401);
            assertThat(a.header("Content-Type")).as(c.getKey()).startsWith("application/problem+json");
            assertThat(a.header("WWW-Authenticate")).as(c.getKey()).isNotNull();
            assertThat(a.body()).as(c.getKey()).doesNotContain(Tokens.SECRET).doesNotContainIgnoringCase("exception");
            assertThat(http.get("/api/v1/camps/no-such-camp", c.getValue()).json().getString("detail"))
                .as(c.getKey() + ": the same answer whether the camp exists or not")
                .isEqualTo(a.json().getString("detail"));
        }
        assertThat(http.get("/api/v1/camps/juba1", bearer(valid)).status()).as("the untouched token").isEqualTo(200);
        try {
            Http.Answer huge = http.get("/api/v1/camps/juba1", "Authorization", "Bearer " + "a".repeat(16_384));
            assertThat(huge.status()).as("a 16 kB header is refused before any work").isIn(400, 401, 431);
        } catch (java.io.UncheckedIOException e) {
            assertThat(e).as("or the connection is closed (HTTP/2 GOAWAY)").hasMessageContaining("GOAWAY");
        }
        assertThat(http.get("/api/v1/camps/juba1", key).status()).as("and the server serves on").isEqualTo(200);
    }

    @Test
    void aSignedTokenWithAClaimOfTheWrongTypeIs401NamingTheClaimNever500() {
        JsonObject good = Tokens.claims("ana", "admin", List.of("unmiss"), List.of());
        Map<String, JsonObject> cases = new LinkedHashMap<>();
        cases.put("exp", good.copy().put("exp", "x"));
        cases.put("nbf", good.copy().put("nbf", "x"));
        cases.put("iat", good.copy().put("iat", "yesterday"));
        cases.put("aud", good.copy().put("aud", 42));
        cases.put("aud ", good.copy().put("aud", new io.vertx.core.json.JsonArray().add(1)));
        cases.put("iss", good.copy().put("iss", new JsonObject()));
        cases.put("sub", good.copy().put("sub", new io.vertx.core.json.JsonArray().add("ana")));
        cases.put("role", good.copy().put("role", 3));
        cases.put("missions", good.copy().put("missions", "unmiss"));
        cases.put("camps", good.copy().put("camps", new JsonObject().put("juba1", true)));
        cases.put("missions ", good.copy().put("missions", new io.vertx.core.json.JsonArray().add(7)));
        for (Map.Entry<String, JsonObject> c : cases.entrySet()) {
            Http.Answer a = http.get("/api/v1/camps/juba1", bearer(Tokens.sign(c.getValue())));
            assertThat(a.status()).as(c.getKey() + ": " + a).isEqualTo(401);
            assertThat(a.header("Content-Type")).as(c.getKey()).startsWith("application/problem+json");
            assertThat(a.json().getString("detail")).as(c.getKey()).contains("'" + c.getKey().trim() + "'");
        }
    }

    @Test
    void aTokenUsedBeforeItsNbfIsNotYetValidAndOnePastItsExpIsExpired() {
        long now = Instant.now().getEpochSecond();
        JsonObject good = Tokens.claims("ana", "admin", List.of("unmiss"), List.of());
        Http.Answer early = http.get("/api/v1/camps/juba1", bearer(Tokens.sign(good.copy().put("nbf", now + 3600))));
        assertThat(early.status()).isEqualTo(401);
        assertThat(early.json().getString("detail")).contains("not valid yet").doesNotContain("expired");
        Http.Answer late = http.get("/api/v1/camps/juba1", bearer(Tokens.sign(good.copy().put("iat", now - 7200)
            .put("exp", now - 3600))));
        assertThat(late.json().getString("detail")).contains("expired");
        assertThat(http.get("/api/v1/camps/juba1", bearer(Tokens.sign(good.copy().put("nbf", now - 60)))).status())
            .as("an nbf in the past is fine").isEqualTo(200);
    }

    @Test
    void aTooLongUriAndTooLargeHeadersAreProblemDocumentsAndTheServerServesOn() {
        int port = server.service().port();
        RawHttp.Answer uri = RawHttp.send(port, "GET /api/v1/camps?mission=" + "u".repeat(10_000)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(uri.status()).isEqualTo(414);
        assertThat(uri.hasHeader("Content-Type", "application/problem+json")).as(uri.headers()).isTrue();
        assertThat(new JsonObject(uri.body()).getInteger("status")).isEqualTo(414);
        assertThat(uri.body()).doesNotContain("uuuuuuuuuu");

        RawHttp.Answer headers = RawHttp.send(port, "GET /api/v1/camps HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: "
            + "j".repeat(20_000) + "\r\n\r\n");
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.hasHeader("Content-Type", "application/problem+json")).as(headers.headers()).isTrue();
        assertThat(new JsonObject(headers.body()).getString("detail")).contains("header");

        RawHttp.Answer garbage = RawHttp.send(port, "GET /api/v1/camps HTTP/9\r\n\r\n");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.hasHeader("Content-Type", "application/problem+json")).as(garbage.headers()).isTrue();
        assertThat(http.get("/api/v1/camps/juba1", key).status()).isEqualTo(200);
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static JsonObject copyWithout(JsonObject o, String field) {
        JsonObject c = o.copy();
        c.remove(field);
        return c;
    }

    private static String withHeader(String token, JsonObject header) {
        String[] p = token.split("\\.");
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(header.encode()
            .getBytes(StandardCharsets.UTF_8)) + "." + p[1] + "." + p[2];
    }

    private static String storedKey(Instant expiresAt, boolean revoked) {
        String secret = ApiKeys.newSecret();
        ApiKeyRecord record = new ApiKeyRecord(ApiKeys.newId(), "hostile", "admin", List.of("*"), List.of(), null,
            expiresAt, null);
        try (Connection c = server.store().dataSource().getConnection()) {
            ApiKeyStore.insert(c, record, ApiKeys.hash(secret));
            if (revoked) {
                ApiKeyStore.revoke(c, record.id(), ApiTestServer.NOW.minus(Duration.ofHours(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return secret;
    }

    private static Map<String, Long> counts() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = server.store().dataSource().getConnection(); var s = c.createStatement()) {
            for (String t : TABLES) {
                try (var rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        return out;
    }
}
