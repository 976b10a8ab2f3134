package org.smartcamp.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;

/**
 * What operators and browsers meet besides the data: health open to all, Prometheus metrics on the management
 * port and for admins on the API port, the per-client rate limit, CORS for the configured origins only, and the
 * security headers.
 */
class OperationsIT {
    private static final String ALLOWED = "https://hq.example.org";
    private static ApiTestServer server;
    private static Http http;
    private static Http management;

    @BeforeAll
    static void start() {
        ApiConfig config = ApiTestServer.config().withRateLimit(new ApiConfig.RateLimit(0.2, 3))
            .withListen(new ApiConfig.Listen("127.0.0.1", 0, "127.0.0.1", 0))
            .withHttp(new ApiConfig.HttpPolicy(List.of(ALLOWED), ApiConfig.DEFAULT_PAGE_CSP, null, null));
        server = ApiTestServer.start("api_ops", config);
        http = server.http();
        management = new Http("http://127.0.0.1:" + server.service().managementPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] key(String role) {
        return new String[] {"X-API-Key", server.apiKey(role, List.of("unmiss"), List.of())};
    }

    @Test
    void healthIsOpenToAllOnBothPortsAndSaysWhatItChecked() {
        for (Http h : List.of(http, management)) {
            assertThat(h.get("/health/live").status()).isEqualTo(200);
            Http.Answer ready = h.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().getString("status")).isEqualTo("UP");
        }
    }

    @Test
    void metricsArePrometheusTextOnTheManagementPortAndForAdminsOnlyOnTheApiPort() {
        String[] viewer = key("viewer");
        assertThat(http.get("/api/v1/camps", viewer).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/camps/juba1", viewer).status()).isEqualTo(200);

        Http.Answer scraped = management.get("/metrics");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.header("Content-Type")).startsWith("text/plain");
        assertThat(scraped.body()).contains("# TYPE smartcamp_api_requests_seconds")
            .containsPattern("smartcamp_api_requests_seconds_count\\{[^}]*route=\"/api/v1/camps\"[^}]*} [1-9]")
            .contains("jvm_memory_used_bytes");
        assertThat(http.get("/metrics").status()).isEqualTo(401);
        assertThat(http.get("/metrics", viewer).status()).isEqualTo(403);
        Http.Answer admin = http.get("/metrics", key("admin"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("smartcamp_api_requests_seconds_count");
    }

    @Test
    void aClientThatSpentItsBurstGets429WithRetryAfterWhileAnotherIsServed() {
        String[] greedy = key("viewer");
        String[] other = key("viewer");
        Http.Answer last = null;
        for (int i = 0; i < 4; i++) {
            last = http.get("/api/v1/missions", greedy);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(http.get("/api/v1/missions", other).status()).isEqualTo(200);
        assertThat(management.get("/metrics").body()).containsPattern("smartcamp_api_rate_limited_total [1-9]");
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        Http.Answer allowed = http.method("OPTIONS", "/api/v1/camps", "Origin", ALLOWED,
            "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-api-key");
        assertThat(allowed.status()).isBetween(200, 204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("x-api-key");

        Http.Answer refused = http.method("OPTIONS", "/api/v1/camps", "Origin", "https://evil.example",
            "Access-Control-Request-Method", "GET");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        Http.Answer data = http.get("/api/v1/camps", "Origin", "https://evil.example", "X-API-Key",
            server.apiKey("viewer", List.of("unmiss"), List.of()));
        assertThat(data.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void dataAnswersAndPagesCarryTheirSecurityHeadersAndNoHstsWithoutTls() {
        Http.Answer data = http.get("/api/v1/camps", key("viewer"));
        assertThat(data.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(data.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(data.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(data.header("Cache-Control")).isEqualTo("no-store");
        assertThat(data.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(data.header("Strict-Transport-Security")).isNull();

        Http.Answer page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(ApiConfig.DEFAULT_PAGE_CSP);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
