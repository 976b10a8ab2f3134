package org.smartcamp.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.Tokens;

/**
 * The audit log is cut to the reader's scope: an admin of some missions reads the entries of requests that
 * covered only its missions and camps (whoever made them), never another mission's, nor entries tied to no
 * mission (failed authentications, global routes), which only an admin of every mission reads.
 */
class AuditScopeIT {
    private static final String RANGE = "from=2026-03-01&to=2026-03-03";
    private static ApiTestServer server;
    private static Http http;
    private static String[] all;
    private static String[] minusmaAdmin;
    private static String[] gaoAdmin;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_audit_scope");
        http = server.http();
        all = bearer(Tokens.sign(Tokens.claims("ada", "admin", List.of("*"), List.of())));
        minusmaAdmin = new String[] {"X-API-Key", server.apiKey("admin", List.of("minusma"), List.of())};
        gaoAdmin = bearer(Tokens.sign(Tokens.claims("gil", "admin", List.of(), List.of("gao"))));
        String[] unmissViewer = {"X-API-Key", server.apiKey("viewer", List.of("unmiss"), List.of())};
        for (String path : List.of("/api/v1/camps/juba1", "/api/v1/camps/gao", "/api/v1/camps/kidal/fuel?" + RANGE,
            "/api/v1/readings?asset=gao-gen-1&" + RANGE, "/api/v1/readings?asset=juba1-gen-1&" + RANGE,
            "/api/v1/missions/minusma", "/api/v1/missions/unmiss", "/api/v1/metrics", "/api/v1/camps")) {
            assertThat(http.get(path, all).status()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/api/v1/camps", unmissViewer).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/camps/gao", unmissViewer).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/camps/gao", minusmaAdmin).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/camps/gao").status()).isEqualTo(401);
        // a request's entry is queued as its response ends, which the client may see first: wait for the last one
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            server.service().flushAudit();
            return lastRequestAudited();
        });
    }

    private static boolean lastRequestAudited() throws SQLException {
        try (Connection c = server.store().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                 "SELECT count(*) FROM api_audit WHERE status = 401 AND path = '/api/v1/camps/gao'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static JsonArray entries(String[] reader) {
        Http.Answer a = http.get("/api/v1/audit?from=2026-03-01&to=2026-03-04&limit=10000", reader);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().getJsonArray("items");
    }

    private static List<String> requests(JsonArray entries) {
        return entries.stream().map(o -> (JsonObject) o)
            .map(e -> e.getString("path") + (e.getString("query") == null ? "" : "?" + e.getString("query")))
            .toList();
    }

    @Test
    void anAdminOfOneMissionReadsOnlyTheEntriesOfItsMissions() {
        JsonArray entries = entries(minusmaAdmin);
        assertThat(requests(entries)).contains("/api/v1/camps/gao", "/api/v1/camps/kidal/fuel?" + RANGE,
            "/api/v1/readings?asset=gao-gen-1&" + RANGE, "/api/v1/missions/minusma")
            .noneMatch(r -> r.contains("juba1") || r.contains("unmiss") || r.equals("/api/v1/metrics")
                || r.equals("/api/v1/camps") || r.startsWith("/api/v1/audit"));
        for (Object o : entries) {
            JsonObject e = (JsonObject) o;
            assertThat(e.getString("principal")).as("no failed authentication").isNotEqualTo("-");
            assertThat(e.getJsonArray("missions").getList()).as(e.encode()).isSubsetOf(Set.of("minusma"));
            assertThat(e.getJsonArray("camps").getList()).as(e.encode()).isSubsetOf(Set.of("gao", "kidal"));
        }
        assertThat(entries.stream().map(o -> ((JsonObject) o).getString("principal")).distinct().count())
            .as("whoever made them").isGreaterThan(1);
    }

    @Test
    void anAdminOfOneCampReadsOnlyTheEntriesOfThatCamp() {
        assertThat(requests(entries(gaoAdmin))).contains("/api/v1/camps/gao",
            "/api/v1/readings?asset=gao-gen-1&" + RANGE).noneMatch(r -> r.contains("kidal") || r.contains("juba1")
            || r.equals("/api/v1/metrics"));
    }

    @Test
    void anAdminOfEveryMissionReadsEverythingIncludingFailedAuthenticationsAndGlobalRoutes() {
        JsonArray entries = entries(all);
        assertThat(requests(entries)).contains("/api/v1/camps/juba1", "/api/v1/camps/gao", "/api/v1/metrics",
            "/api/v1/camps");
        assertThat(entries.stream().map(o -> ((JsonObject) o).getString("principal"))).contains("-");
        JsonObject gao = entries.stream().map(o -> (JsonObject) o)
            .filter(e -> "/api/v1/camps/gao".equals(e.getString("path")) && e.getInteger("status") == 200)
            .findFirst().orElseThrow();
        assertThat(gao.getJsonArray("missions").getList()).containsExactly("minusma");
        assertThat(gao.getJsonArray("camps").getList()).containsExactly("gao");
    }
}
