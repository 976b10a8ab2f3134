package org.smartcamp.api.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.api.store.Db;

/**
 * Turns an {@code X-API-Key} header into a {@link Principal}. Lookups (found or not) are cached for {@code ttl},
 * so a revocation takes effect within that time; expiry is checked on every request.
 */
public final class ApiKeyAuthenticator {
    private static final int MAX_CACHED = 10_000;

    private final Db db;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<ApiKeyRecord> key, Instant loadedAt) {
    }

    public ApiKeyAuthenticator(Db db, Clock clock, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The principal of {@code key}.
     *
     * @return a failed future with a 401 {@link ApiException} for a malformed, unknown, revoked or expired key
     */
    public Future<Principal> authenticate(String key) {
        if (!ApiKeys.FORM.matcher(key).matches()) {
            return Future.failedFuture(ApiException.unauthorized("the API key is malformed"));
        }
        byte[] hash = ApiKeys.hash(key);
        String cacheKey = HexFormat.of().formatHex(hash);
        Instant now = clock.instant();
        Cached cached = cache.get(cacheKey);
        Future<Optional<ApiKeyRecord>> lookup;
        if (cached != null && cached.loadedAt().plus(ttl).isAfter(now)) {
            lookup = Future.succeededFuture(cached.key());
        } else {
            lookup = db.run(c -> ApiKeyStore.byHash(c, hash)).onSuccess(found -> remember(cacheKey, found, now));
        }
        return lookup.map(found -> principal(found, now));
    }

    private void remember(String cacheKey, Optional<ApiKeyRecord> found, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(cacheKey, new Cached(found, now));
    }

    private static Principal principal(Optional<ApiKeyRecord> found, Instant now) {
        ApiKeyRecord key = found.orElseThrow(() -> ApiException.unauthorized("the API key is not valid"));
        if (!key.usableAt(now)) {
            throw ApiException.unauthorized(key.revokedAt() != null ? "the API key is revoked"
                : "the API key has expired");
        }
        Role role = Role.ofId(key.role());
        if (role == null) {
            throw ApiException.unauthorized("the API key has an unknown role");
        }
        return new Principal("key:" + key.id(), role, Grant.of(key.missions(), key.camps())
            .withLocation(key.location()));
    }
}
