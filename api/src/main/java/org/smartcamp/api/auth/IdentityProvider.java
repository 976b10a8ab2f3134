package org.smartcamp.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity provider's signing keys, fetched from its JWKS URL (given, or the {@code jwks_uri} of the OpenID
 * Connect discovery document {@code <issuer>/.well-known/openid-configuration}, whose {@code issuer} must be the
 * configured one). The keys are kept for the answer's {@code Cache-Control: max-age} (at most a day), else the
 * configured time; a token whose {@code kid} is not among them makes them be fetched again, as does their expiry,
 * but never more often than once per {@code minRefetch}, however many such tokens come (a flood of made-up key
 * ids does not hammer the provider). Concurrent needs share one fetch. When a fetch fails the keys held are kept
 * and used; with none, bearer tokens are answered 503. Only RSA and EC signature keys for the allowed algorithms
 * are taken: a symmetric ({@code oct}) key in the set is ignored, so no public key can serve as an HMAC secret.
 */
public final class IdentityProvider {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityProvider.class);
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=(\\d+)");
    private static final long MAX_TTL_SECONDS = Duration.ofDays(1).toSeconds();
    private static final int MAX_BODY = 1 << 20;
    private static final Map<String, String> EC_CURVES = Map.of("ES256", "P-256", "ES384", "P-384", "ES512", "P-521");

    private final Vertx vertx;
    private final JwtConfig config;
    private final JwtConfig.Remote remote;
    private final HttpClient client;
    private final io.vertx.core.Context context;
    private final LongSupplier nanos;
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private Metadata metadata;
    private Keys keys;
    private Future<Keys> inflight;
    private long lastFetch;
    private boolean fetched;

    /** The provider's endpoints as its discovery document names them (null when not given). */
    public record Metadata(String issuer, String jwksUri, String authorizationEndpoint, String tokenEndpoint,
                           String endSessionEndpoint) {
    }

    /** The keys held: {@code auth} null when the provider published none usable (every token is refused). */
    private record Keys(JWTAuth auth, Set<String> kids, long expiresAt) {
    }

    /**
     * @param nanos the clock of the cache and the rate limit ({@link System#nanoTime} but in tests)
     */
    IdentityProvider(Vertx vertx, JwtConfig config, LongSupplier nanos) {
        this.vertx = vertx;
        this.config = config;
        this.remote = config.remote();
        this.nanos = nanos;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true)
            .setConnectTimeout((int) remote.timeout().toMillis()));
    }

    /** How many times the discovery document was fetched. */
    public int discoveryFetches() {
        return discoveryFetches.get();
    }

    /** How many times the key set was fetched. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /**
     * The verifier of a token signed with key {@code kid} (null when the token names none): the keys held when
     * fresh and holding {@code kid}; otherwise fetched again when the rate limit allows, else the keys held (the
     * token is then refused when they lack its key).
     *
     * @return a failed future with a 503 {@link ApiException} when no keys could ever be fetched
     */
    Future<JWTAuth> verifier(String kid) {
        Future<Keys> pending;
        synchronized (this) {
            long now = nanos.getAsLong();
            Keys held = keys;
            boolean fresh = held != null && now - held.expiresAt < 0;
            if (fresh && (kid == null || held.kids.contains(kid))) {
                return Future.succeededFuture(held.auth);
            }
            if (inflight != null) {
                pending = inflight;
            } else if (fetched && now - lastFetch < remote.minRefetch().toNanos()) {
                return held != null ? Future.succeededFuture(held.auth) : Future.failedFuture(unavailable());
            } else {
                fetched = true;
                lastFetch = now;
                inflight = fetchKeys();
                pending = inflight;
                inflight.onComplete(ar -> settle(ar.succeeded() ? ar.result() : null, ar.cause()));
            }
        }
        return pending.map(Keys::auth).recover(e -> {
            Keys held = current();
            return held != null ? Future.succeededFuture(held.auth) : Future.failedFuture(unavailable());
        });
    }

    private synchronized Keys current() {
        return keys;
    }

    private synchronized void settle(Keys fresh, Throwable failure) {
        inflight = null;
        if (fresh != null) {
            keys = fresh;
            return;
        }
        metadata = null;
        LOG.warn("The identity provider's keys could not be fetched ({}); {}", failure.getMessage(),
            keys == null ? "bearer tokens are refused until they can be" : "the keys fetched before stay in use");
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("the identity provider's keys cannot be fetched now; try again later");
    }

    /** The discovery document's endpoints (fetched once, and again after a failure). */
    public Future<Metadata> metadata() {
        synchronized (this) {
            if (metadata != null) {
                return Future.succeededFuture(metadata);
            }
        }
        if (!remote.discovery()) {
            return Future.succeededFuture(new Metadata(config.issuer(), remote.jwksUrl().toString(), null, null,
                null));
        }
        String url = config.issuer().replaceAll("/+$", "") + WELL_KNOWN;
        discoveryFetches.incrementAndGet();
        return get(url).map(answer -> {
            Metadata m = discovered(answer.json());
            synchronized (this) {
                metadata = m;
            }
            return m;
        });
    }

    private Metadata discovered(JsonObject doc) {
        if (!config.issuer().equals(doc.getString("issuer"))) {
            throw new IllegalStateException("the discovery document names issuer '" + doc.getString("issuer")
                + "', not the configured '" + config.issuer() + "'");
        }
        String jwksUri = endpoint(doc, "jwks_uri", true);
        boolean signIn = config.signIn() != null;
        return new Metadata(config.issuer(), jwksUri, endpoint(doc, "authorization_endpoint", signIn),
            endpoint(doc, "token_endpoint", signIn), endpoint(doc, "end_session_endpoint", false));
    }

    private static String endpoint(JsonObject doc, String name, boolean required) {
        Object v = doc.getValue(name);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalStateException("the discovery document has no " + name);
        }
        checkUrl(name, s);
        return s;
    }

    private static void checkUrl(String name, String url) {
        try {
            JwtConfig.Remote.checkUrl(name, url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the discovery document's " + name + ": " + e.getMessage());
        }
    }

    private Future<Keys> fetchKeys() {
        return metadata().compose(m -> {
            keyFetches.incrementAndGet();
            return get(m.jwksUri());
        }).map(this::keys);
    }

    private record Answer(JsonObject json, String cacheControl) {
    }

    /**
     * One GET, always run on the provider's event loop: a response's body must be asked for on the thread that
     * delivers it, or it can arrive before its handler is set and read as empty (as happened when a test, or any
     * caller outside Vert.x, started the fetch from its own thread).
     */
    private Future<Answer> get(String url) {
        Promise<Answer> answer = Promise.promise();
        context.runOnContext(v -> fetch(url).onComplete(answer));
        return answer.future();
    }

    private Future<Answer> fetch(String url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
            .setFollowRedirects(false).setTimeout(remote.timeout().toMillis()).putHeader("Accept", "application/json");
        return client.request(options).compose(req -> req.send().compose(resp -> {
            if (resp.statusCode() != 200) {
                resp.end();
                return Future.failedFuture(new IllegalStateException(url + " answered HTTP " + resp.statusCode()));
            }
            return bounded(url, resp).map(body -> new Answer(json(url, body), resp.getHeader("Cache-Control")));
        }));
    }

    /**
     * The body of {@code resp}, refused as soon as it passes {@code MAX_BODY} bytes (by its Content-Length, or while
     * it streams in), so a provider cannot make the API hold more than that.
     */
    private static Future<Buffer> bounded(String url, HttpClientResponse resp) {
        Promise<Buffer> done = Promise.promise();
        String length = resp.getHeader("Content-Length");
        if (length != null && !length.trim().matches("\\d{1,9}") || length != null
            && Long.parseLong(length.trim()) > MAX_BODY) {
            resp.request().reset();
            return Future.failedFuture(tooLarge(url));
        }
        Buffer body = Buffer.buffer();
        resp.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY) {
                if (done.tryFail(tooLarge(url))) {
                    resp.request().reset();
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        resp.exceptionHandler(done::tryFail);
        resp.endHandler(v -> done.tryComplete(body));
        return done.future();
    }

    private static IllegalStateException tooLarge(String url) {
        return new IllegalStateException(url + " answered more than " + MAX_BODY + " bytes");
    }

    private static JsonObject json(String url, Buffer body) {
        try {
            return body.toJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException(url + " did not answer a JSON object");
        }
    }

    /** The usable keys of a JWKS answer, kept as long as its Cache-Control says or the configured time. */
    private Keys keys(Answer answer) {
        if (!(answer.json().getValue("keys") instanceof JsonArray all)) {
            throw new IllegalStateException("the JWKS has no \"keys\" list");
        }
        List<JsonObject> usable = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Object o = all.getValue(i);
            if (!(o instanceof JsonObject key)) {
                continue;
            }
            for (JsonObject k : variants(key, config.algorithms())) {
                try {
                    JwtAuthenticator.verifier(vertx, config, List.of(k));
                    usable.add(k);
                    if (k.getString("kid") != null) {
                        kids.add(k.getString("kid"));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Key {} of the identity provider is not usable with {}: {}", k.getString("kid"),
                        k.getString("alg"), e.getMessage());
                }
            }
        }
        if (usable.isEmpty()) {
            LOG.warn("The identity provider's JWKS holds no {} signature key: bearer tokens are refused",
                config.algorithm());
        }
        long ttl = ttlSeconds(answer.cacheControl());
        return new Keys(usable.isEmpty() ? null : JwtAuthenticator.verifier(vertx, config, usable), Set.copyOf(kids),
            nanos.getAsLong() + Duration.ofSeconds(ttl).toNanos());
    }

    /** How long a key set may be kept: Cache-Control max-age (at most a day), 0 for no-store/no-cache. */
    long ttlSeconds(String cacheControl) {
        if (cacheControl != null) {
            String cc = cacheControl.toLowerCase(Locale.ROOT);
            if (cc.contains("no-store") || cc.contains("no-cache")) {
                return 0;
            }
            Matcher m = MAX_AGE.matcher(cc);
            if (m.find()) {
                return Math.min(MAX_TTL_SECONDS, Long.parseLong(m.group(1).length() > 9 ? "999999999" : m.group(1)));
            }
        }
        return remote.ttl().toSeconds();
    }

    /**
     * The key with its algorithm, once per allowed algorithm it can verify: its own {@code alg} when allowed; with
     * none (Entra ID publishes none), every allowed algorithm of its type (RSA: RS* and PS*; EC: the ES* of its
     * curve). Encryption keys and symmetric keys are left out.
     */
    static List<JsonObject> variants(JsonObject key, List<String> allowed) {
        String use = key.getString("use");
        String kty = key.getString("kty");
        if (use != null && !"sig".equals(use) || kty == null) {
            return List.of();
        }
        List<String> algs = new ArrayList<>();
        for (String a : allowed) {
            boolean fits = "RSA".equals(kty) && (a.startsWith("RS") || a.startsWith("PS"))
                || "EC".equals(kty) && a.startsWith("ES") && EC_CURVES.get(a).equals(key.getString("crv"));
            if (fits && (key.getString("alg") == null || a.equals(key.getString("alg")))) {
                algs.add(a);
            }
        }
        return algs.stream().map(a -> key.copy().put("alg", a)).toList();
    }

    /** Closes the HTTP client. */
    void close() {
        client.close();
    }
}
