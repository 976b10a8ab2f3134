package org.smartcamp.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.smartcamp.api.http.ClientAddress;

/**
 * Everything the API server needs, immutable (built by the launcher from the configuration).
 *
 * @param listen          where the API and the management endpoints listen
 * @param jwt             how bearer tokens are verified
 * @param rateLimit       requests per second and burst per client
 * @param http            CORS, content security policy and TLS
 * @param limits          the largest ranges, points and pages a request may ask for
 * @param keyCacheTtl     how long an API key lookup (and so a revocation) may be cached
 * @param registryRefresh how often the registry snapshot (missions, camps, assets) is reloaded
 * @param cache           the cache of analytics answers
 */
public record ApiConfig(Listen listen, JwtConfig jwt, RateLimit rateLimit, HttpPolicy http, Limits limits,
                        Duration keyCacheTtl, Duration registryRefresh, Cache cache) {

    public ApiConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
        Objects.requireNonNull(registryRefresh, "registryRefresh");
        Objects.requireNonNull(cache, "cache");
    }

    /** With the default answer cache. */
    public ApiConfig(Listen listen, JwtConfig jwt, RateLimit rateLimit, HttpPolicy http, Limits limits,
                     Duration keyCacheTtl, Duration registryRefresh) {
        this(listen, jwt, rateLimit, http, limits, keyCacheTtl, registryRefresh, Cache.DEFAULT);
    }

    /**
     * The answer cache: at most {@code maxBytes} of serialised answers (0 turns caching, ETags and 304 off), and
     * {@code maxAge}, how long after the analytics job last wrote an answer is declared valid to clients (the
     * time between two of its passes, {@code analytics.interval}).
     */
    public record Cache(long maxBytes, Duration maxAge) {
        /** 64 MiB, 30 s. */
        public static final Cache DEFAULT = new Cache(64L << 20, Duration.ofSeconds(30));

        public Cache {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("the answer cache size must be 0 (off) or positive");
            }
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("the answers' max age must not be negative");
            }
        }
    }

    /**
     * Interfaces and ports (0 picks a free port); {@code managementPort} -1 serves no management endpoints
     * (health and, with an admin credential, /metrics stay on the API port).
     */
    public record Listen(String host, int port, String managementHost, int managementPort) {
    }

    /** A token bucket per client: {@code perSecond} sustained, {@code burst} at once. */
    public record RateLimit(double perSecond, int burst) {
        public RateLimit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("rate limit must be positive with a burst of at least 1");
            }
        }
    }

    /**
     * Browser-facing policy: CORS origins allowed ({@code *} for any; empty for none), the Content-Security-Policy
     * of the pages (API answers always get {@code default-src 'none'}), the PEM certificate and key for TLS
     * (both null for plain HTTP behind a TLS-terminating proxy; HSTS is sent only with TLS), and the proxies
     * (addresses and CIDR blocks) whose {@code X-Forwarded-For} names the client (empty: none is believed).
     */
    public record HttpPolicy(List<String> corsOrigins, String pageCsp, Path tlsCert, Path tlsKey,
                             List<String> trustedProxies) {
        public HttpPolicy {
            corsOrigins = List.copyOf(corsOrigins);
            Objects.requireNonNull(pageCsp, "pageCsp");
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new IllegalArgumentException("TLS needs both a certificate and a key file");
            }
            trustedProxies = List.copyOf(trustedProxies);
            trustedProxies.forEach(ClientAddress::check);
        }

        /** Without trusted proxies. */
        public HttpPolicy(List<String> corsOrigins, String pageCsp, Path tlsCert, Path tlsKey) {
            this(corsOrigins, pageCsp, tlsCert, tlsKey, List.of());
        }

        /** A copy with these trusted proxies. */
        public HttpPolicy withTrustedProxies(List<String> proxies) {
            return new HttpPolicy(corsOrigins, pageCsp, tlsCert, tlsKey, proxies);
        }

        /** Whether the server speaks TLS itself. */
        public boolean tls() {
            return tlsCert != null;
        }
    }

    /**
     * @param maxRange        longest time range of one request over rollups, figures and events
     * @param maxRawRange     longest time range over raw readings (raw rows and sub-hour buckets)
     * @param maxPoints       most buckets per series one request may produce
     * @param defaultPageSize rows per page when {@code limit} is not given
     * @param maxPageSize     largest {@code limit}
     */
    public record Limits(Duration maxRange, Duration maxRawRange, int maxPoints, int defaultPageSize,
                         int maxPageSize) {
        public Limits {
            if (defaultPageSize < 1 || defaultPageSize > maxPageSize || maxPoints < 1) {
                throw new IllegalArgumentException("page sizes and points must be positive, default <= max");
            }
        }
    }

    /** The defaults of docs/configuration.md, with no JWT and no management port (for tests and embedding). */
    public static ApiConfig defaults() {
        return new ApiConfig(new Listen("127.0.0.1", 0, "127.0.0.1", -1), JwtConfig.disabled(),
            new RateLimit(20, 100), new HttpPolicy(List.of(), DEFAULT_PAGE_CSP, null, null),
            new Limits(Duration.ofDays(400), Duration.ofDays(31), 10_000, 1_000, 10_000), Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    }

    /** The pages' default Content-Security-Policy: everything from this origin, nothing framed. */
    public static final String DEFAULT_PAGE_CSP = "default-src 'self'; img-src 'self' data:; "
        + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    /** A copy with other listen settings. */
    public ApiConfig withListen(Listen other) {
        return new ApiConfig(other, jwt, rateLimit, http, limits, keyCacheTtl, registryRefresh, cache);
    }

    /** A copy with another JWT configuration. */
    public ApiConfig withJwt(JwtConfig other) {
        return new ApiConfig(listen, other, rateLimit, http, limits, keyCacheTtl, registryRefresh, cache);
    }

    /** A copy with another rate limit. */
    public ApiConfig withRateLimit(RateLimit other) {
        return new ApiConfig(listen, jwt, other, http, limits, keyCacheTtl, registryRefresh, cache);
    }

    /** A copy with another HTTP policy. */
    public ApiConfig withHttp(HttpPolicy other) {
        return new ApiConfig(listen, jwt, rateLimit, other, limits, keyCacheTtl, registryRefresh, cache);
    }

    /** A copy with another answer cache. */
    public ApiConfig withCache(Cache other) {
        return new ApiConfig(listen, jwt, rateLimit, http, limits, keyCacheTtl, registryRefresh, other);
    }
}
