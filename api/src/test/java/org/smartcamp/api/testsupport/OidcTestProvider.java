package org.smartcamp.api.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OpenID Connect provider on a real HTTP server on 127.0.0.1, for tests: the discovery document, a JWKS
 * whose keys the test rotates (with a Cache-Control header it chooses), an authorization endpoint that signs the
 * test's user in at once and redirects back with a code, and a token endpoint that redeems a code only with the
 * PKCE verifier of its S256 challenge and answers RS256 access and id tokens (with CORS, as providers do for
 * single-page clients). It counts what it served.
 */
public final class OidcTestProvider implements AutoCloseable {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private volatile byte[] junkKeys;
    private final String issuer;
    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String cacheControl = "max-age=300";
    private volatile String clientId = "smartcamp-dashboard";
    private volatile String signingKid;
    private volatile JsonObject user = new JsonObject();
    private volatile String audience = "smartcamp-api";

    private record Pending(String clientId, String redirectUri, String challenge, String nonce) {
    }

    private OidcTestProvider(HttpServer server) {
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Started on a free port with one RSA key, {@code kid}, that signs. */
    public static OidcTestProvider start(String kid) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OidcTestProvider p = new OidcTestProvider(server);
            p.addKey(kid);
            p.signingKid = kid;
            server.createContext("/.well-known/openid-configuration", p::discovery);
            server.createContext("/jwks", p::jwks);
            server.createContext("/authorize", p::authorize);
            server.createContext("/token", p::token);
            server.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Publishes a new RSA key. */
    public void addKey(String kid) {
        keys.put(kid, newKey());
    }

    /** Stops publishing a key. */
    public void removeKey(String kid) {
        keys.remove(kid);
    }

    /** The key that signs the tokens the token endpoint issues. */
    public void signWith(String kid) {
        signingKid = kid;
    }

    /** The Cache-Control header of the JWKS answers (null for none). */
    public void cacheControl(String value) {
        cacheControl = value;
    }

    /** The claims of the user the authorization endpoint signs in (sub, roles, scopes; times and aud are added). */
    public void user(JsonObject claims) {
        user = claims.copy();
    }

    public void clientId(String id) {
        clientId = id;
    }

    public int discoveryFetches() {
        return discoveryFetches.get();
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** Why the token endpoint refused requests, in order. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Claims valid for an hour from this issuer for the API's audience. */
    public JsonObject claims(JsonObject extra) {
        long now = Instant.now().getEpochSecond();
        return new JsonObject().put("iss", issuer).put("aud", audience).put("iat", now).put("exp", now + 3600)
            .mergeIn(extra);
    }

    /** The claims signed RS256 with the published key {@code kid}. */
    public String sign(String kid, JsonObject claims) {
        KeyPair key = keys.get(kid);
        if (key == null) {
            throw new IllegalArgumentException("no key " + kid);
        }
        return sign(kid, key, claims);
    }

    /** The claims signed RS256 with a key this provider never published, named {@code kid}. */
    public static String signWithUnknownKey(String kid, JsonObject claims) {
        return sign(kid, UnknownKey.KEY, claims);
    }

    /** One key for every forged token (made once: RSA key generation is slow on a loaded machine). */
    private static final class UnknownKey {
        static final KeyPair KEY = newKey();
    }

    private static String sign(String kid, KeyPair key, JsonObject claims) {
        String input = part(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid)) + "."
            + part(claims);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key {@code kid} as a JWK (n, e), the form a JWKS holds. */
    public JsonObject jwk(String kid) {
        RSAPublicKey pub = (RSAPublicKey) keys.get(kid).getPublic();
        return new JsonObject().put("kty", "RSA").put("use", "sig").put("kid", kid)
            .put("n", unsigned(pub.getModulus())).put("e", unsigned(pub.getPublicExponent()));
    }

    private static String unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        int skip = b.length > 1 && b[0] == 0 ? 1 : 0;
        byte[] out = new byte[b.length - skip];
        System.arraycopy(b, skip, out, 0, out.length);
        return B64.encodeToString(out);
    }

    private static String part(JsonObject json) {
        return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange x) throws IOException {
        discoveryFetches.incrementAndGet();
        answer(x, 200, new JsonObject().put("issuer", issuer).put("jwks_uri", issuer + "/jwks")
            .put("authorization_endpoint", issuer + "/authorize").put("token_endpoint", issuer + "/token")
            .put("response_types_supported", new JsonArray().add("code"))
            .put("code_challenge_methods_supported", new JsonArray().add("S256")), null);
    }

    /** Answers the key set's URL with {@code body} (any bytes) instead of the keys; null for the keys again. */
    public void answerKeysWith(byte[] body) {
        junkKeys = body;
    }

    private void jwks(HttpExchange x) throws IOException {
        jwksFetches.incrementAndGet();
        byte[] junk = junkKeys;
        if (junk != null) {
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, junk.length);
            x.getResponseBody().write(junk);
            x.close();
            return;
        }
        JsonArray all = new JsonArray();
        keys.keySet().stream().sorted().forEach(kid -> all.add(jwk(kid)));
        answer(x, 200, new JsonObject().put("keys", all), cacheControl);
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (!clientId.equals(q.get("client_id")) || redirect == null || !"code".equals(q.get("response_type"))
            || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
            || !List.of(q.getOrDefault("scope", "").split(" ")).contains("openid")) {
            refusals.add("authorize: " + q);
            answer(x, 400, new JsonObject().put("error", "invalid_request"), null);
            return;
        }
        String code = B64.encodeToString(RANDOM.generateSeed(16));
        codes.put(code, new Pending(q.get("client_id"), redirect, q.get("code_challenge"), q.get("nonce")));
        x.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
            + "&state=" + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(x.getRequestMethod())) {
            x.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            x.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
            x.sendResponseHeaders(204, -1);
            x.close();
            return;
        }
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Pending p = f.get("code") == null ? null : codes.remove(f.get("code"));
        String why = !"POST".equals(x.getRequestMethod()) ? "not a POST"
            : !"authorization_code".equals(f.get("grant_type")) ? "grant_type"
            : p == null ? "unknown or used code"
            : !p.clientId().equals(f.get("client_id")) ? "client_id"
            : !p.redirectUri().equals(f.get("redirect_uri")) ? "redirect_uri"
            : f.get("code_verifier") == null || !p.challenge().equals(s256(f.get("code_verifier"))) ? "code_verifier"
            : null;
        if (why != null) {
            refusals.add("token: " + why);
            answer(x, 400, new JsonObject().put("error", "invalid_grant"), null);
            return;
        }
        JsonObject claims = claims(user);
        JsonObject id = claims.copy().put("aud", p.clientId());
        if (p.nonce() != null) {
            id.put("nonce", p.nonce());
        }
        tokensIssued.incrementAndGet();
        answer(x, 200, new JsonObject().put("access_token", sign(signingKid, claims)).put("token_type", "Bearer")
            .put("expires_in", 3600).put("id_token", sign(signingKid, id)).put("scope", "openid"), "no-store");
    }

    private static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void answer(HttpExchange x, int status, JsonObject body, String cacheControl) throws IOException {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        if (cacheControl != null) {
            x.getResponseHeaders().add("Cache-Control", cacheControl);
        }
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    /** The key ids published now, sorted. */
    public List<String> kids() {
        return new ArrayList<>(keys.keySet().stream().sorted().toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
