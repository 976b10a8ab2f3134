package org.smartcamp.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;

/**
 * The failed-authentication limiter: a flood of bad credentials from one address slows that address's bad
 * attempts down, never a valid credential sent from it; the address is the peer's unless the peer is a
 * configured trusted proxy, whose X-Forwarded-For then names the client.
 */
class FailedAuthLimiterIT {
    private static final ApiConfig.RateLimit SLOW = new ApiConfig.RateLimit(0.05, 5);
    private static final String ATTACKER = "203.0.113.7";
    private static final String NEIGHBOUR = "203.0.113.8";
    private static ApiTestServer direct;
    private static ApiTestServer proxied;

    @BeforeAll
    static void start() {
        direct = ApiTestServer.start("api_limiter_direct", ApiTestServer.config().withRateLimit(SLOW));
        ApiConfig behindProxy = ApiTestServer.config().withRateLimit(SLOW);
        proxied = ApiTestServer.start("api_limiter_proxied",
            behindProxy.withHttp(behindProxy.http().withTrustedProxies(List.of("10.0.0.0/8", "127.0.0.0/8"))));
    }

    @AfterAll
    static void stop() {
        direct.close();
        proxied.close();
    }

    private static List<Integer> flood(Http http, String... headers) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String[] all = new String[headers.length + 2];
            System.arraycopy(headers, 0, all, 0, headers.length);
            all[headers.length] = "X-API-Key";
            all[headers.length + 1] = ApiKeys.newSecret();
            statuses.add(http.get("/api/v1/camps/juba1", all).status());
        }
        return statuses;
    }

    @Test
    void aValidKeyIsServedFromAnAddressThatIsOverItsFailedAuthenticationLimit() {
        Http http = direct.http();
        List<Integer> statuses = flood(http);
        assertThat(statuses).as("the flood is slowed down").contains(429);
        assertThat(http.get("/api/v1/camps/juba1").status()).as("still limited").isEqualTo(429);
        String[] valid = {"X-API-Key", direct.apiKey("viewer", List.of("unmiss"), List.of())};
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/v1/camps/juba1", valid).status()).as("request %d of a valid key", i)
                .isEqualTo(200);
        }
        assertThat(http.get("/api/v1/camps/juba1", valid).status()).as("its own rate limit applies").isEqualTo(429);
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnored() throws SQLException {
        Http http = direct.http();
        flood(http, "X-Forwarded-For", ATTACKER);
        assertThat(http.get("/api/v1/camps/juba1", "X-Forwarded-For", NEIGHBOUR).status())
            .as("the failures count against the peer, whatever the header says").isEqualTo(429);
        String key = direct.apiKey("viewer", List.of("unmiss"), List.of());
        assertThat(http.get("/api/v1/camps/juba1", "X-API-Key", key, "X-Forwarded-For", ATTACKER).status())
            .isEqualTo(200);
        assertThat(remotes(direct, key, 1)).containsExactly("127.0.0.1");
    }

    @Test
    void xForwardedForFromATrustedProxyNamesTheClient() throws SQLException {
        Http http = proxied.http();
        assertThat(flood(http, "X-Forwarded-For", ATTACKER)).contains(429);
        assertThat(http.get("/api/v1/camps/juba1", "X-Forwarded-For", ATTACKER).status()).isEqualTo(429);
        assertThat(http.get("/api/v1/camps/juba1", "X-Forwarded-For", NEIGHBOUR).status())
            .as("another client behind the same proxy is not locked out").isEqualTo(401);
        String key = proxied.apiKey("viewer", List.of("unmiss"), List.of());
        http.get("/api/v1/camps/juba1", "X-API-Key", key, "X-Forwarded-For", "198.51.100.1, 198.51.100.2");
        http.get("/api/v1/camps/juba1", "X-API-Key", key, "X-Forwarded-For", "198.51.100.3, 10.1.2.3");
        http.get("/api/v1/camps/juba1", "X-API-Key", key, "X-Forwarded-For", "not-an-address");
        assertThat(remotes(proxied, key, 3)).as("the nearest hop that is not a trusted proxy")
            .containsExactly("198.51.100.2", "198.51.100.3", "127.0.0.1");
    }

    /**
     * The audited addresses of the key's requests, once {@code expected} of them are written: a request's entry is
     * queued as its response ends, which the client may see before the server has queued it.
     */
    private static List<String> remotes(ApiTestServer server, String secret, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            server.service().flushAudit();
            return audited(server, secret);
        }, rows -> rows.size() >= expected);
    }

    private static List<String> audited(ApiTestServer server, String secret) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = server.store().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                 "SELECT remote FROM api_audit WHERE principal = ? ORDER BY id")) {
            ps.setString(1, "key:" + keyId(c, secret));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String keyId(Connection c, String secret) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM api_keys WHERE secret_sha256 = ?")) {
            ps.setBytes(1, ApiKeys.hash(secret));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
