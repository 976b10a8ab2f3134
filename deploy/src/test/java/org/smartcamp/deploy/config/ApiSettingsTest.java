package org.smartcamp.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.JwtConfig;

class ApiSettingsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void theDefaultsListenLocallyAcceptApiKeysOnlyAndMatchTheApiDefaults() {
        ApiConfig config = ApiSettings.api(ConfigLoader.load(null, Map.of()));
        ApiConfig library = ApiConfig.defaults();

        assertThat(config.listen()).isEqualTo(new ApiConfig.Listen("127.0.0.1", 8080, "127.0.0.1", 9466));
        assertThat(config.jwt().enabled()).isFalse();
        assertThat(config.http().corsOrigins()).isEmpty();
        assertThat(config.http().trustedProxies()).as("no X-Forwarded-For is believed by default").isEmpty();
        assertThat(config.http().tls()).isFalse();
        assertThat(config.rateLimit()).isEqualTo(library.rateLimit());
        assertThat(config.limits()).isEqualTo(library.limits());
        assertThat(config.keyCacheTtl()).isEqualTo(library.keyCacheTtl());
        assertThat(config.registryRefresh()).isEqualTo(library.registryRefresh());
    }

    @Test
    void everyKeyReachesTheConfiguration() throws IOException {
        Path pem = Files.writeString(dir.resolve("jwt.pem"), "-----BEGIN PUBLIC KEY-----\n");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        Map<String, String> env = new HashMap<>(Map.of("SMARTCAMP_API_HOST", "0.0.0.0", "SMARTCAMP_API_PORT", "8443",
            "SMARTCAMP_API_MANAGEMENT_PORT", "-1", "SMARTCAMP_API_JWT_ALGORITHM", "rs256",
            "SMARTCAMP_API_JWT_PUBLIC_KEY_FILE", pem.toString(), "SMARTCAMP_API_JWT_ISSUER", "https://id.example",
            "SMARTCAMP_API_JWT_AUDIENCE", "smartcamp", "SMARTCAMP_API_RATE_LIMIT_PER_SECOND", "2.5",
            "SMARTCAMP_API_CORS_ORIGINS", "https://bi.example.org, http://localhost:3000"));
        env.putAll(Map.of("SMARTCAMP_API_TLS_CERT_FILE", cert.toString(), "SMARTCAMP_API_TLS_KEY_FILE", key.toString(),
            "SMARTCAMP_API_PAGE_SIZE", "50", "SMARTCAMP_API_MAX_PAGE_SIZE", "500", "SMARTCAMP_API_MAX_RAW_RANGE", "7d",
            "SMARTCAMP_API_KEY_CACHE_TTL", "5s", "SMARTCAMP_API_JWT_LEEWAY", "10s", "SMARTCAMP_API_TRUSTED_PROXIES",
            "10.0.0.5, 172.16.0.0/12,fd00::/8"));

        ApiConfig config = ApiSettings.api(ConfigLoader.load(null, env));

        assertThat(config.listen()).isEqualTo(new ApiConfig.Listen("0.0.0.0", 8443, "127.0.0.1", -1));
        assertThat(config.jwt()).isEqualTo(new JwtConfig("RS256", null, pem, null, "https://id.example", "smartcamp",
            Duration.ofSeconds(10)));
        assertThat(config.rateLimit()).isEqualTo(new ApiConfig.RateLimit(2.5, 100));
        assertThat(config.http().corsOrigins()).containsExactly("https://bi.example.org", "http://localhost:3000");
        assertThat(config.http().tlsCert()).isEqualTo(cert);
        assertThat(config.http().tlsKey()).isEqualTo(key);
        assertThat(config.http().trustedProxies()).containsExactly("10.0.0.5", "172.16.0.0/12", "fd00::/8");
        assertThat(config.limits().defaultPageSize()).isEqualTo(50);
        assertThat(config.limits().maxPageSize()).isEqualTo(500);
        assertThat(config.limits().maxRawRange()).isEqualTo(Duration.ofDays(7));
        assertThat(config.keyCacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anHmacAlgorithmTakesItsSecret() {
        ApiConfig config = ApiSettings.api(ConfigLoader.load(null, Map.of("SMARTCAMP_API_JWT_ALGORITHM", "HS256",
            "SMARTCAMP_API_JWT_SECRET", SECRET)));

        assertThat(config.jwt().enabled()).isTrue();
        assertThat(config.jwt().hmac()).isTrue();
        assertThat(config.jwt().secret()).isEqualTo(SECRET);
    }

    @Test
    void theMissionsIdentityProviderItsClaimsAndTheDashboardsSignInReachTheConfiguration() {
        Map<String, String> env = new HashMap<>(Map.of("SMARTCAMP_API_JWT_ALGORITHM", "rs256, es256",
            "SMARTCAMP_API_JWT_ISSUER", "https://sso.example/realms/mission", "SMARTCAMP_API_JWT_DISCOVERY", "true",
            "SMARTCAMP_API_JWT_KEYS_TTL", "5m", "SMARTCAMP_API_JWT_ROLE_CLAIM", "realm_access.roles",
            "SMARTCAMP_API_JWT_ROLE_MAP", "smartcamp-admin=admin, smartcamp-staff=Viewer",
            "SMARTCAMP_API_JWT_SCOPES_CLAIM", "smartcamp_scope", "SMARTCAMP_API_OIDC_CLIENT_ID", "smartcamp-dashboard",
            "SMARTCAMP_API_OIDC_NAME", "Mission SSO"));

        JwtConfig jwt = ApiSettings.api(ConfigLoader.load(null, env)).jwt();

        assertThat(jwt.algorithms()).containsExactly("RS256", "ES256");
        assertThat(jwt.remote()).isEqualTo(new JwtConfig.Remote(null, true, Duration.ofMinutes(5),
            Duration.ofSeconds(30), null));
        assertThat(jwt.claims()).isEqualTo(new JwtConfig.ClaimMapping("realm_access.roles",
            Map.of("smartcamp-admin", "admin", "smartcamp-staff", "viewer"), "missions", "camps", "smartcamp_scope"));
        assertThat(jwt.signIn()).isEqualTo(new JwtConfig.SignIn("smartcamp-dashboard", List.of("openid", "profile"),
            null, "Mission SSO"));
    }

    @Test
    void badIdentityProviderSettingsAreRefusedInOneLineNamingTheKey() {
        Map<List<String>, String> cases = Map.of(
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_DISCOVERY", "true"),
            "discovery reads <issuer>/.well-known/openid-configuration: set the issuer",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_JWKS_URL",
                "http://sso.example/certs"), "must be an https URL",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "HS256", "SMARTCAMP_API_JWT_SECRET", SECRET,
                "SMARTCAMP_API_JWT_JWKS_URL", "https://sso.example/certs"), "not a key file or key URL",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256,HS256", "SMARTCAMP_API_JWT_JWKS_URL",
                "https://sso.example/certs"), "mix HMAC",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_JWKS_URL", "https://sso.example/certs",
                "SMARTCAMP_API_JWT_ROLE_MAP", "smartcamp-admin=root"), "'smartcamp-admin' maps to 'root'",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_JWKS_URL", "https://sso.example/certs",
                "SMARTCAMP_API_JWT_ROLE_MAP", "admin"), "api.jwt.roleMap",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_JWKS_URL", "https://sso.example/certs",
                "SMARTCAMP_API_OIDC_CLIENT_ID", "dash"), "dashboard sign-in with the provider needs discovery",
            List.of("SMARTCAMP_API_OIDC_CLIENT_ID", "dash"), "api.oidc.clientId is set but api.jwt.algorithm is empty",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_ISSUER", "https://sso.example",
                "SMARTCAMP_API_JWT_DISCOVERY", "true", "SMARTCAMP_API_JWT_ROLE_CLAIM", "realm access"),
            "the role claim 'realm access' is not a claim name");
        assertRefused(cases);
    }

    @Test
    void contradictoryOrIncompleteSettingsAreRefusedNamingTheKey() throws IOException {
        Path pem = Files.writeString(dir.resolve("jwt.pem"), "x");
        Map<List<String>, String> cases = Map.of(
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "ES256"), "none of api.jwt.publicKeyFile, api.jwt.jwksFile",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "HS512"), "api.jwt.secret is empty",
            List.of("SMARTCAMP_API_JWT_SECRET", SECRET), "api.jwt.algorithm is empty",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "none", "SMARTCAMP_API_JWT_JWKS_FILE", pem.toString()),
            "api.jwt: algorithm 'NONE' is not one of",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "HS256", "SMARTCAMP_API_JWT_SECRET", SECRET,
                "SMARTCAMP_API_JWT_PUBLIC_KEY_FILE", pem.toString()), "HS256 is verified with a secret, not a key file",
            List.of("SMARTCAMP_API_JWT_ALGORITHM", "RS256", "SMARTCAMP_API_JWT_PUBLIC_KEY_FILE", "/no/such.pem"),
            "api.jwt.publicKeyFile (from environment variable SMARTCAMP_API_JWT_PUBLIC_KEY_FILE) is '/no/such.pem'",
            List.of("SMARTCAMP_API_TLS_CERT_FILE", pem.toString()), "api.tls.certFile and api.tls.keyFile",
            List.of("SMARTCAMP_API_CORS_ORIGINS", "https://bi.example.org/path"), "api.cors.origins",
            List.of("SMARTCAMP_API_PAGE_SIZE", "20000"), "api.pageSize (20000) must not be larger than api.maxPageSize",
            List.of("SMARTCAMP_API_RATE_LIMIT_BURST", "0"), "api.rateLimit.burst");
        assertRefused(cases);
        assertThatThrownBy(() -> ApiSettings.api(ConfigLoader.load(null, Map.of("SMARTCAMP_API_TRUSTED_PROXIES",
            "10.0.0.1, proxy.example.org")))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("api.trustedProxies").hasMessageContaining("proxy.example.org");
    }

    /** Each case's settings (variable, value, ...) are refused in one line containing its text, never the secret. */
    private static void assertRefused(Map<List<String>, String> cases) {
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            Map<String, String> env = new HashMap<>();
            for (int i = 0; i < c.getKey().size(); i += 2) {
                env.put(c.getKey().get(i), c.getKey().get(i + 1));
            }
            assertThatThrownBy(() -> ApiSettings.api(ConfigLoader.load(null, env))).as("%s", env)
                .isInstanceOf(ConfigException.class).hasMessageContaining(c.getValue())
                .hasMessageNotContaining("\n").hasMessageNotContaining(SECRET);
        }
    }
}
