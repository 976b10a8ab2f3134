package org.smartcamp.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How bearer tokens (JWT) are verified. {@code algorithm} is the allow-list of accepted algorithms, one or several
 * separated by commas ({@code none} is never accepted, HMAC and public-key algorithms are never mixed). HMAC
 * algorithms (HS256/384/512) use {@code secret} (at least 32 bytes; set it through the environment); RSA and EC
 * algorithms (RS*, PS*, ES*) use a PEM public key file, a JWKS file or the identity provider's JWKS URL
 * ({@code remote}: given, or found through the OpenID Connect discovery document of {@code issuer}).
 * {@code issuer} and {@code audience}, when set, must match the token's {@code iss} and {@code aud};
 * {@code leeway} is the clock skew allowed on {@code exp} and {@code nbf}. {@code claims} says which claims hold
 * the role and the scope; {@code signIn}, when set, lets the dashboard sign people in with the provider. With no
 * secret and no key source, bearer tokens are refused (API keys still work).
 */
public record JwtConfig(String algorithm, String secret, Path publicKeyFile, Path jwksFile, String issuer,
                        String audience, Duration leeway, Remote remote, ClaimMapping claims, SignIn signIn) {
    private static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
    private static final Set<String> PUBLIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
        "ES384", "ES512");

    /**
     * @throws IllegalArgumentException naming what is wrong: an unknown algorithm, a short secret, an HMAC
     *     algorithm with a key file or key URL, a public-key algorithm with a secret, two key sources, discovery
     *     without an issuer, dashboard sign-in without discovery
     */
    public JwtConfig {
        List<String> algorithms = split(algorithm);
        for (String a : algorithms) {
            if (!HMAC.contains(a) && !PUBLIC.contains(a)) {
                throw new IllegalArgumentException("algorithm '" + a + "' is not one of HS256, HS384, HS512, "
                    + "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512");
            }
        }
        boolean hmac = algorithms.stream().anyMatch(HMAC::contains);
        if (hmac && algorithms.stream().anyMatch(PUBLIC::contains)) {
            throw new IllegalArgumentException("algorithms " + algorithm + " mix HMAC (a shared secret) and public-key "
                + "algorithms; accept one kind");
        }
        secret = secret == null || secret.isEmpty() ? null : secret;
        if (hmac && (publicKeyFile != null || jwksFile != null || remote != null)) {
            throw new IllegalArgumentException(algorithm + " is verified with a secret, not a key file or key URL");
        }
        if (!hmac && secret != null) {
            throw new IllegalArgumentException(algorithm + " is verified with a public key, not a secret");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("the secret must be at least 32 bytes long");
        }
        long sources = Stream.of(publicKeyFile, jwksFile, remote).filter(Objects::nonNull).count();
        if (sources > 1) {
            throw new IllegalArgumentException("set one key source: a public key file, a JWKS file or a JWKS URL "
                + "(or discovery)");
        }
        if (remote != null && remote.discovery() && issuer == null) {
            throw new IllegalArgumentException("discovery reads <issuer>/.well-known/openid-configuration: set the "
                + "issuer");
        }
        if (remote != null && remote.discovery()) {
            Remote.checkUrl("issuer", issuer);
        }
        if (signIn != null && (remote == null || !remote.discovery())) {
            throw new IllegalArgumentException("dashboard sign-in with the provider needs discovery (the issuer's "
                + "authorization and token endpoints)");
        }
        leeway = leeway == null ? Duration.ZERO : leeway;
        claims = claims == null ? ClaimMapping.DEFAULT : claims;
    }

    /** A secret or key file, SmartCamp's own claims, no key URL, no dashboard sign-in. */
    public JwtConfig(String algorithm, String secret, Path publicKeyFile, Path jwksFile, String issuer,
                     String audience, Duration leeway) {
        this(algorithm, secret, publicKeyFile, jwksFile, issuer, audience, leeway, null, ClaimMapping.DEFAULT, null);
    }

    /** No bearer tokens accepted. */
    public static JwtConfig disabled() {
        return new JwtConfig("HS256", null, null, null, null, null, Duration.ZERO);
    }

    /** Whether bearer tokens can be verified at all. */
    public boolean enabled() {
        return secret != null || publicKeyFile != null || jwksFile != null || remote != null;
    }

    /** The accepted algorithms, in the order configured. */
    public List<String> algorithms() {
        return split(algorithm);
    }

    /** Whether the algorithms are HMAC ones (a shared secret). */
    public boolean hmac() {
        return algorithms().stream().anyMatch(HMAC::contains);
    }

    private static List<String> split(String algorithm) {
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("algorithm is empty; name one or more, e.g. RS256 or RS256,ES256");
        }
        return Arrays.stream(algorithm.split(",")).map(String::trim).filter(a -> !a.isEmpty())
            .map(a -> a.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * Keys fetched from the identity provider: from {@code jwksUrl}, or (with {@code discovery}) from the
     * {@code jwks_uri} of {@code <issuer>/.well-known/openid-configuration}. The keys are kept as long as the
     * answer's {@code Cache-Control: max-age} says, else {@code ttl}; a token signed with a key id not among them
     * makes the keys be fetched again, at most once per {@code minRefetch}; {@code timeout} bounds each fetch.
     */
    public record Remote(URI jwksUrl, boolean discovery, Duration ttl, Duration minRefetch, Duration timeout) {
        /** Defaults: keys kept 15 minutes when the provider says nothing, refetched at most every 30 s. */
        public static final Duration TTL = Duration.ofMinutes(15);
        public static final Duration MIN_REFETCH = Duration.ofSeconds(30);
        public static final Duration TIMEOUT = Duration.ofSeconds(10);

        public Remote {
            if ((jwksUrl == null) == !discovery) {
                throw new IllegalArgumentException("give the JWKS URL or use discovery, one of the two");
            }
            if (jwksUrl != null) {
                checkUrl("JWKS URL", jwksUrl.toString());
            }
            ttl = positive(ttl, TTL, "key cache time");
            minRefetch = positive(minRefetch, MIN_REFETCH, "least time between key fetches");
            timeout = positive(timeout, TIMEOUT, "key fetch timeout");
        }

        /** With discovery from the issuer and the default times. */
        public static Remote discovered() {
            return new Remote(null, true, null, null, null);
        }

        private static Duration positive(Duration d, Duration fallback, String what) {
            if (d == null) {
                return fallback;
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive");
            }
            return d;
        }

        /** An https URL, or http on this host only (keys must not travel in clear). */
        public static void checkUrl(String what, String url) {
            URI u;
            try {
                u = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " '" + url + "' is not a URL");
            }
            String host = u.getHost();
            boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
            if (host == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()) && local)) {
                throw new IllegalArgumentException(what + " '" + url + "' must be an https URL (http only for "
                    + "localhost)");
            }
        }
    }

    /**
     * Which claims give the SmartCamp role and scope. {@code role} is the path of the claim holding the role(s)
     * ({@code role}, {@code roles}, {@code realm_access.roles}; dots go into objects), a string or an array of
     * strings; {@code roles} maps the provider's role names to SmartCamp roles (viewer, logistics, admin; empty:
     * the claim holds SmartCamp's names), the highest one granted wins. {@code missions} and {@code camps} are
     * paths of arrays of ids; {@code scopes}, when set, the path of a claim whose entries {@code mission:<id>} and
     * {@code camp:<id>} (an array, or a string separated by spaces) add to them.
     */
    public record ClaimMapping(String role, Map<String, String> roles, String missions, String camps,
                               String scopes) {
        /** SmartCamp's own claims: {@code role}, {@code missions}, {@code camps}. */
        public static final ClaimMapping DEFAULT = new ClaimMapping("role", Map.of(), "missions", "camps", null);
        private static final Set<String> ROLES = Set.of("viewer", "logistics", "admin");

        public ClaimMapping {
            role = path("role claim", role);
            missions = path("missions claim", missions);
            camps = path("camps claim", camps);
            scopes = scopes == null || scopes.isBlank() ? null : path("scopes claim", scopes);
            roles = Map.copyOf(new TreeMap<>(roles == null ? Map.of() : roles));
            for (Map.Entry<String, String> e : roles.entrySet()) {
                if (!ROLES.contains(e.getValue())) {
                    throw new IllegalArgumentException("role map: '" + e.getKey() + "' maps to '" + e.getValue()
                        + "', which is not viewer, logistics or admin");
                }
            }
        }

        /**
         * A role map from {@code name=role} pairs separated by commas, e.g.
         * {@code smartcamp-admin=admin,smartcamp-staff=viewer}.
         *
         * @throws IllegalArgumentException naming the pair that is not {@code name=role}
         */
        public static Map<String, String> parseRoles(String text) {
            Map<String, String> out = new TreeMap<>();
            if (text == null) {
                return out;
            }
            for (String pair : text.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("role map entry '" + pair.trim() + "' is not name=role");
                }
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
            }
            return out;
        }

        private static String path(String what, String p) {
            if (p == null || !p.matches("[A-Za-z0-9_:/$-]+(\\.[A-Za-z0-9_:/$-]+)*")) {
                throw new IllegalArgumentException("the " + what + " '" + p + "' is not a claim name or dotted path "
                    + "(e.g. realm_access.roles)");
            }
            return p;
        }
    }

    /**
     * The dashboard's sign-in with the provider (authorization code with PKCE, a public client): {@code clientId}
     * as registered with the provider, the {@code scopes} asked for, the {@code redirectUri} registered for the
     * dashboard (null: the dashboard's own address), and the provider's {@code name} on the button (null: a
     * generic label).
     */
    public record SignIn(String clientId, List<String> scopes, String redirectUri, String name) {
        public SignIn {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("the client id of the dashboard is empty");
            }
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("the scopes " + scopes + " must include openid");
            }
            redirectUri = redirectUri == null || redirectUri.isBlank() ? null : redirectUri;
            if (redirectUri != null) {
                Remote.checkUrl("redirect URI", redirectUri);
            }
            name = name == null || name.isBlank() ? null : name;
        }
    }

    @Override
    public String toString() {
        return "JwtConfig[algorithm=" + algorithm + ", secret=" + (secret == null ? "none" : "***")
            + ", publicKeyFile=" + publicKeyFile + ", jwksFile=" + jwksFile + ", issuer=" + issuer + ", audience="
            + audience + ", leeway=" + leeway + ", remote=" + remote + ", claims=" + claims + ", signIn=" + signIn
            + "]";
    }
}
