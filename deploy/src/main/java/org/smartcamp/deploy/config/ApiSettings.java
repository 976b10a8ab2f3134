package org.smartcamp.deploy.config;

import static org.smartcamp.deploy.config.ConfigKey.API_JWT_ALGORITHM;
import static org.smartcamp.deploy.config.ConfigKey.API_JWT_JWKS_FILE;
import static org.smartcamp.deploy.config.ConfigKey.API_JWT_PUBLIC_KEY_FILE;
import static org.smartcamp.deploy.config.ConfigKey.API_JWT_SECRET;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.http.ClientAddress;

/** Builds the API server's configuration from resolved {@link Settings}, refusing what cannot work. */
public final class ApiSettings {
    private ApiSettings() {
    }

    /**
     * The API's settings.
     *
     * @throws ConfigException naming the key when a value is invalid or settings contradict each other (a JWT
     *     algorithm without its secret or key file, a key file that does not exist, a certificate without a key)
     */
    public static ApiConfig api(Settings s) {
        ApiConfig.Listen listen = new ApiConfig.Listen(s.text(ConfigKey.API_HOST),
            s.integer(ConfigKey.API_PORT, 0, 65_535), s.text(ConfigKey.API_MANAGEMENT_HOST),
            s.integer(ConfigKey.API_MANAGEMENT_PORT, -1, 65_535));
        ApiConfig.RateLimit rate = new ApiConfig.RateLimit(s.decimal(ConfigKey.API_RATE_LIMIT_PER_SECOND),
            s.integer(ConfigKey.API_RATE_LIMIT_BURST, 1, 1_000_000));
        return new ApiConfig(listen, jwt(s), rate, http(s), limits(s), s.duration(ConfigKey.API_KEY_CACHE_TTL),
            s.duration(ConfigKey.API_REGISTRY_REFRESH), new ApiConfig.Cache(s.integer(ConfigKey.API_CACHE_MAX_BYTES, 0,
            Integer.MAX_VALUE), s.duration(ConfigKey.API_CACHE_MAX_AGE)));
    }

    /** How bearer tokens are verified; disabled when {@code api.jwt.algorithm} is empty. */
    static JwtConfig jwt(Settings s) {
        String algorithm = s.optionalText(API_JWT_ALGORITHM);
        Path publicKey = file(s, API_JWT_PUBLIC_KEY_FILE);
        Path jwks = file(s, API_JWT_JWKS_FILE);
        String secret = s.optionalText(API_JWT_SECRET);
        String jwksUrl = s.optionalText(ConfigKey.API_JWT_JWKS_URL);
        boolean discovery = s.bool(ConfigKey.API_JWT_DISCOVERY);
        boolean remote = jwksUrl != null || discovery;
        if (algorithm == null) {
            if (publicKey != null || jwks != null || secret != null || remote) {
                throw new ConfigException("api.jwt.algorithm is empty (bearer tokens disabled) but a JWT secret, "
                    + "key file, JWKS URL or discovery is set; set api.jwt.algorithm, e.g. RS256 or HS256");
            }
            if (s.optionalText(ConfigKey.API_OIDC_CLIENT_ID) != null) {
                throw new ConfigException("api.oidc.clientId is set but api.jwt.algorithm is empty: the dashboard's "
                    + "sign-in needs bearer tokens; set api.jwt.algorithm (e.g. RS256), api.jwt.issuer and "
                    + "api.jwt.discovery=true");
            }
            return JwtConfig.disabled();
        }
        algorithm = algorithm.toUpperCase(Locale.ROOT);
        boolean hmac = algorithm.startsWith("HS");
        if (hmac && secret == null) {
            throw new ConfigException("api.jwt.algorithm (from " + s.source(API_JWT_ALGORITHM) + ") is " + algorithm
                + " but api.jwt.secret is empty; set " + API_JWT_SECRET.envVar() + " to a secret of at least 32 bytes");
        }
        if (!hmac && publicKey == null && jwks == null && !remote) {
            throw new ConfigException("api.jwt.algorithm (from " + s.source(API_JWT_ALGORITHM) + ") is " + algorithm
                + " but none of api.jwt.publicKeyFile, api.jwt.jwksFile, api.jwt.jwksUrl, api.jwt.discovery is set");
        }
        if (jwksUrl != null && discovery) {
            throw new ConfigException("api.jwt.jwksUrl and api.jwt.discovery are both set; use one: discovery reads "
                + "the JWKS URL from the issuer's discovery document");
        }
        try {
            JwtConfig.Remote keys = remote ? new JwtConfig.Remote(jwksUrl == null ? null : URI.create(jwksUrl),
                discovery, s.duration(ConfigKey.API_JWT_KEYS_TTL), s.duration(ConfigKey.API_JWT_KEYS_MIN_REFETCH),
                null) : null;
            return new JwtConfig(algorithm, secret, publicKey, jwks, s.optionalText(ConfigKey.API_JWT_ISSUER),
                s.optionalText(ConfigKey.API_JWT_AUDIENCE), leeway(s), keys, claims(s), signIn(s));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("api.jwt: " + e.getMessage());
        }
    }

    private static JwtConfig.ClaimMapping claims(Settings s) {
        Map<String, String> roles;
        try {
            roles = JwtConfig.ClaimMapping.parseRoles(s.optionalText(ConfigKey.API_JWT_ROLE_MAP));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("api.jwt.roleMap (from " + s.source(ConfigKey.API_JWT_ROLE_MAP) + "): "
                + e.getMessage() + "; expected e.g. smartcamp-admin=admin,smartcamp-staff=viewer");
        }
        return new JwtConfig.ClaimMapping(s.text(ConfigKey.API_JWT_ROLE_CLAIM), roles,
            s.text(ConfigKey.API_JWT_MISSIONS_CLAIM), s.text(ConfigKey.API_JWT_CAMPS_CLAIM),
            s.optionalText(ConfigKey.API_JWT_SCOPES_CLAIM));
    }

    private static JwtConfig.SignIn signIn(Settings s) {
        String clientId = s.optionalText(ConfigKey.API_OIDC_CLIENT_ID);
        if (clientId == null) {
            return null;
        }
        List<String> scopes = Arrays.stream(s.text(ConfigKey.API_OIDC_SCOPES).split("[\\s,]+"))
            .filter(x -> !x.isEmpty()).toList();
        return new JwtConfig.SignIn(clientId, scopes, s.optionalText(ConfigKey.API_OIDC_REDIRECT_URI),
            s.optionalText(ConfigKey.API_OIDC_NAME));
    }

    private static Duration leeway(Settings s) {
        Duration d = s.optionalDuration(ConfigKey.API_JWT_LEEWAY);
        return d == null ? Duration.ZERO : d;
    }

    private static ApiConfig.HttpPolicy http(Settings s) {
        List<String> origins = Arrays.stream(s.text(ConfigKey.API_CORS_ORIGINS).split(","))
            .map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!"*".equals(origin) && !origin.matches("https?://[^/\\s]+")) {
                throw new ConfigException("api.cors.origins (from " + s.source(ConfigKey.API_CORS_ORIGINS)
                    + ") has '" + origin + "'; expected origins such as https://bi.example.org (scheme and host, no "
                    + "path), separated by commas, or *");
            }
        }
        Path cert = file(s, ConfigKey.API_TLS_CERT_FILE);
        Path key = file(s, ConfigKey.API_TLS_KEY_FILE);
        if ((cert == null) != (key == null)) {
            throw new ConfigException("api.tls.certFile and api.tls.keyFile must be set together (HTTPS needs both)");
        }
        return new ApiConfig.HttpPolicy(origins, ApiConfig.DEFAULT_PAGE_CSP, cert, key, trustedProxies(s));
    }

    private static List<String> trustedProxies(Settings s) {
        List<String> proxies = Arrays.stream(s.text(ConfigKey.API_TRUSTED_PROXIES).split(","))
            .map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String proxy : proxies) {
            try {
                ClientAddress.check(proxy);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("api.trustedProxies (from " + s.source(ConfigKey.API_TRUSTED_PROXIES)
                    + "): " + e.getMessage() + "; expected addresses or CIDR blocks separated by commas");
            }
        }
        return proxies;
    }

    private static ApiConfig.Limits limits(Settings s) {
        int maxPage = s.integer(ConfigKey.API_MAX_PAGE_SIZE, 1, 1_000_000);
        int page = s.integer(ConfigKey.API_PAGE_SIZE, 1, 1_000_000);
        if (page > maxPage) {
            throw new ConfigException("api.pageSize (" + page + ") must not be larger than api.maxPageSize ("
                + maxPage + ")");
        }
        Duration maxRange = s.duration(ConfigKey.API_MAX_RANGE);
        Duration maxRaw = s.duration(ConfigKey.API_MAX_RAW_RANGE);
        return new ApiConfig.Limits(maxRange, maxRaw, s.integer(ConfigKey.API_MAX_POINTS, 1, 10_000_000), page,
            maxPage);
    }

    /** The file a key names, which must exist; null when the key is empty. */
    private static Path file(Settings s, ConfigKey key) {
        String v = s.optionalText(key);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException(key.key() + " (from " + s.source(key) + ") is '" + v
                + "', which is not a readable file");
        }
        return p;
    }
}
