package org.smartcamp.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.testsupport.OidcTestProvider;

/**
 * Bearer tokens verified with the keys of an OpenID Connect provider served over HTTP by the test
 * ({@link OidcTestProvider}), found through its discovery document, while the provider rotates its key: the old
 * key's tokens pass, a new key id is fetched when first seen, the removed key's tokens are refused once the cache
 * the provider allowed has run out, and a flood of unknown key ids costs the provider one fetch per refetch
 * interval. The cache's clock is the test's, so nothing waits.
 */
class JwksRotationIT {
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private Vertx vertx;
    private OidcTestProvider idp;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        idp = OidcTestProvider.start("k1");
    }

    @AfterEach
    void stop() {
        idp.close();
        vertx.close().await();
    }

    private JwtAuthenticator authenticator(JwtConfig.ClaimMapping claims) {
        JwtConfig config = new JwtConfig("RS256,ES256", null, null, null, idp.issuer(), "smartcamp-api",
            Duration.ofSeconds(5), new JwtConfig.Remote(null, true, Duration.ofMinutes(15), MIN_REFETCH,
            Duration.ofSeconds(10)), claims, null);
        return new JwtAuthenticator(vertx, config, nanos::get);
    }

    private JsonObject ana() {
        return idp.claims(new JsonObject().put("sub", "ana").put("role", "viewer")
            .put("missions", new JsonArray().add("unmiss")));
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static Principal accepted(JwtAuthenticator auth, String token) {
        return auth.authenticate(token).await();
    }

    private static ApiException refused(JwtAuthenticator auth, String token) {
        Future<Principal> f = auth.authenticate(token);
        try {
            f.await();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("accepted: " + f.result());
    }

    @Test
    void aRotatedKeyIsFetchedWhenFirstSeenAndARemovedOneIsRefusedOnceTheCacheRunsOut() {
        JwtAuthenticator auth = authenticator(JwtConfig.ClaimMapping.DEFAULT);
        String old = idp.sign("k1", ana());
        Principal p = accepted(auth, old);
        assertThat(p.id()).isEqualTo("jwt:ana");
        assertThat(p.role()).isEqualTo(Role.VIEWER);
        assertThat(p.grant().missions()).containsExactly("unmiss");
        assertThat(idp.discoveryFetches()).isEqualTo(1);
        assertThat(idp.jwksFetches()).isEqualTo(1);

        // The provider said max-age=300: within it, every token is verified with the keys held.
        for (int i = 0; i < 20; i++) {
            accepted(auth, idp.sign("k1", ana()));
        }
        advance(Duration.ofSeconds(60));
        accepted(auth, old);
        assertThat(idp.jwksFetches()).as("the cache is honoured").isEqualTo(1);

        // Rotation: the provider publishes k2 and signs with it; its first token makes the keys be fetched again.
        idp.addKey("k2");
        String fresh = idp.sign("k2", ana());
        accepted(auth, fresh);
        assertThat(idp.jwksFetches()).isEqualTo(2);
        accepted(auth, old);
        assertThat(idp.jwksFetches()).as("k1 and k2 are both held").isEqualTo(2);

        // k1 is withdrawn: held until the answer's max-age runs out, then refused.
        idp.removeKey("k1");
        accepted(auth, old);
        advance(Duration.ofSeconds(301));
        ApiException e = refused(auth, old);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("not signed with an accepted algorithm and key");
        assertThat(idp.jwksFetches()).isEqualTo(3);
        accepted(auth, fresh);
        assertThat(idp.jwksFetches()).isEqualTo(3);
        assertThat(idp.discoveryFetches()).as("the discovery document is read once").isEqualTo(1);
    }

    @Test
    void aFloodOfUnknownKeyIdsCostsTheProviderOneFetchPerRefetchInterval() {
        JwtAuthenticator auth = authenticator(JwtConfig.ClaimMapping.DEFAULT);
        accepted(auth, idp.sign("k1", ana()));
        assertThat(idp.jwksFetches()).isEqualTo(1);
        for (int round = 1; round <= 3; round++) {
            advance(MIN_REFETCH.plusSeconds(1));
            List<Future<Principal>> flood = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                flood.add(auth.authenticate(OidcTestProvider.signWithUnknownKey("forged-" + round + "-" + i, ana())));
            }
            for (Future<Principal> f : flood) {
                try {
                    f.await();
                } catch (ApiException expected) {
                    // checked below
                }
                assertThat(f.failed()).isTrue();
                assertThat(((ApiException) f.cause()).status()).isEqualTo(401);
            }
            assertThat(idp.jwksFetches()).as("round %d", round).isEqualTo(1 + round);
        }
        // The known key still works throughout, from the cache.
        accepted(auth, idp.sign("k1", ana()));
        assertThat(idp.jwksFetches()).isEqualTo(4);
    }

    @Test
    void aProviderAnsweringJunkOrTooMuchLeavesTheKeysHeldInUseAndIsNeverA500() {
        JwtAuthenticator auth = authenticator(JwtConfig.ClaimMapping.DEFAULT);
        accepted(auth, idp.sign("k1", ana()));
        List<byte[]> junk = List.of("not json".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8),
            "{\"keys\": 5}".getBytes(StandardCharsets.UTF_8), "{\"keys\": [".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, ("{\"keys\": [], \"pad\": \"" + "x".repeat(2 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        int fetches = idp.jwksFetches();
        for (byte[] body : junk) {
            idp.answerKeysWith(body);
            advance(MIN_REFETCH.plusSeconds(1));
            ApiException e = refused(auth, OidcTestProvider.signWithUnknownKey("junk", ana()));
            assertThat(e.status()).as("an unknown key while the provider answers junk").isEqualTo(401);
            assertThat(idp.jwksFetches()).as("the provider was asked").isEqualTo(++fetches);
            assertThat(accepted(auth, idp.sign("k1", ana())).id()).as("the keys held stay in use").isEqualTo("jwt:ana");
        }
        idp.answerKeysWith(null);
        idp.addKey("k2");
        advance(MIN_REFETCH.plusSeconds(1));
        accepted(auth, idp.sign("k2", ana()));
    }

    @Test
    void noneAndHmacWithThePublicKeyAreRefusedWithoutAskingTheProvider() throws Exception {
        JwtAuthenticator auth = authenticator(JwtConfig.ClaimMapping.DEFAULT);
        String body = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(ana().encode().getBytes(StandardCharsets.UTF_8));
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + body + ".";
        assertThat(refused(auth, none).status()).isEqualTo(401);
        // The classic confusion attack: HS256 keyed with the provider's public key as published.
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + body;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(idp.jwk("k1").encode().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hmac = input + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertThat(refused(auth, hmac).status()).isEqualTo(401);
        assertThat(idp.jwksFetches()).isZero();
        assertThat(idp.discoveryFetches()).isZero();
    }

    @Test
    void withoutCacheHeadersTheConfiguredTimeHoldsAndNoStoreRefetchesAtMostPerInterval() {
        idp.cacheControl(null);
        JwtAuthenticator auth = authenticator(JwtConfig.ClaimMapping.DEFAULT);
        accepted(auth, idp.sign("k1", ana()));
        advance(Duration.ofMinutes(14));
        accepted(auth, idp.sign("k1", ana()));
        assertThat(idp.jwksFetches()).isEqualTo(1);
        advance(Duration.ofMinutes(2));
        accepted(auth, idp.sign("k1", ana()));
        assertThat(idp.jwksFetches()).as("15 minutes configured").isEqualTo(2);

        idp.cacheControl("no-store");
        advance(Duration.ofMinutes(16));
        accepted(auth, idp.sign("k1", ana()));
        assertThat(idp.jwksFetches()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            accepted(auth, idp.sign("k1", ana()));
        }
        assertThat(idp.jwksFetches()).as("stale keys serve until the refetch interval").isEqualTo(3);
        advance(MIN_REFETCH.plusSeconds(1));
        accepted(auth, idp.sign("k1", ana()));
        assertThat(idp.jwksFetches()).isEqualTo(4);
    }

    @Test
    void keycloakAndEntraClaimsAreMappedToRolesAndScopes() {
        JwtAuthenticator keycloak = authenticator(new JwtConfig.ClaimMapping("realm_access.roles",
            Map.of("smartcamp-admin", "admin", "smartcamp-staff", "viewer"), "missions", "camps", "smartcamp_scope"));
        JsonObject kc = idp.claims(new JsonObject().put("sub", "f3a1").put("realm_access", new JsonObject()
                .put("roles", new JsonArray().add("offline_access").add("smartcamp-staff").add("smartcamp-admin")))
            .put("smartcamp_scope", "mission:unmiss camp:gao openid"));
        Principal p = accepted(keycloak, idp.sign("k1", kc));
        assertThat(p.role()).isEqualTo(Role.ADMIN);
        assertThat(p.grant().missions()).containsExactly("unmiss");
        assertThat(p.grant().camps()).containsExactly("gao");

        JwtAuthenticator entra = authenticator(new JwtConfig.ClaimMapping("roles",
            Map.of("SmartCamp.Logistics", "logistics"), "missions", "camps", "roles"));
        JsonObject en = idp.claims(new JsonObject().put("sub", "AAAA-oid")
            .put("roles", new JsonArray().add("SmartCamp.Logistics").add("camp:juba1")));
        Principal q = accepted(entra, idp.sign("k1", en));
        assertThat(q.role()).isEqualTo(Role.LOGISTICS);
        assertThat(q.grant().camps()).containsExactly("juba1");
        assertThat(q.grant().missions()).isEmpty();

        ApiException noRole = refused(keycloak, idp.sign("k1", idp.claims(new JsonObject().put("sub", "x")
            .put("realm_access", new JsonObject().put("roles", new JsonArray().add("offline_access"))))));
        assertThat(noRole.getMessage()).contains("claim 'realm_access.roles' grants no SmartCamp role");
        ApiException badScope = refused(keycloak, idp.sign("k1", kc.copy().put("smartcamp_scope", "camp:Bad Id")));
        assertThat(badScope.getMessage()).contains("'smartcamp_scope'");
    }

    @Test
    void anIssuerWhoseDiscoveryDocumentNamesAnotherIsNotTrusted() {
        // The same server under another name: its document says http://127.0.0.1:<port>.
        String alias = idp.issuer().replace("127.0.0.1", "localhost");
        JwtConfig config = new JwtConfig("RS256", null, null, null, alias, null, Duration.ZERO,
            JwtConfig.Remote.discovered(), null, null);
        JwtAuthenticator auth = new JwtAuthenticator(vertx, config, nanos::get);
        ApiException e = refused(auth, idp.sign("k1", ana()));
        assertThat(e.status()).isEqualTo(503);
        assertThat(idp.jwksFetches()).isZero();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
