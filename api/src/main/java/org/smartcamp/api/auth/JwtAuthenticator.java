package org.smartcamp.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Params;

/**
 * Verifies bearer tokens with vertx-auth-jwt (signature with an allowed algorithm and a configured key only; exp
 * and nbf with the leeway; iss and aud when configured) and reads the SmartCamp role and scope from the configured
 * claims (by default SmartCamp's own: {@code sub}, {@code role} (viewer, logistics, admin), {@code missions} and
 * {@code camps} (arrays of ids; {@code "*"} in missions for all)), and
 * {@code location} (camps or missions whose personal metrics it may read, {@code "*"} for every camp in scope;
 * absent for none). The keys are the secret, the PEM or JWKS file,
 * or the identity provider's ({@link IdentityProvider}: JWKS URL or discovery, cached, refetched for an unknown
 * key id). A token without {@code exp} is refused.
 */
public final class JwtAuthenticator {
    private static final int MAX_SUBJECT = 200;
    private static final String NOT_ACCEPTED = "it is malformed or not signed with an accepted algorithm and key";
    private static final String MISSION = "mission:";
    private static final String CAMP = "camp:";

    private final JwtConfig config;
    private final JWTAuth auth;
    private final IdentityProvider provider;
    private final long leewaySeconds;

    /**
     * @throws IllegalArgumentException when a key file cannot be read or holds no usable key
     */
    public JwtAuthenticator(Vertx vertx, JwtConfig config) {
        this(vertx, config, System::nanoTime);
    }

    /**
     * @param nanos the clock of the identity provider's key cache and refetch limit
     */
    JwtAuthenticator(Vertx vertx, JwtConfig config, LongSupplier nanos) {
        this.config = config;
        this.provider = config.remote() != null ? new IdentityProvider(vertx, config, nanos) : null;
        this.auth = config.enabled() && provider == null ? verifier(vertx, config, jwks(config)) : null;
        this.leewaySeconds = config.leeway().toSeconds();
    }

    /** The identity provider whose keys are fetched, or null when the keys are configured. */
    public IdentityProvider provider() {
        return provider;
    }

    /**
     * A verifier of the configured algorithms and checks with these keys (besides the secret or PEM file).
     *
     * @throws IllegalArgumentException when there is no key at all (vertx-auth-jwt would then accept unsigned
     *     tokens) or a key is unusable
     */
    static JWTAuth verifier(Vertx vertx, JwtConfig config, List<JsonObject> jwks) {
        JWTOptions jwt = new JWTOptions().setLeeway((int) config.leeway().toSeconds()).setIgnoreExpiration(false);
        if (config.issuer() != null) {
            jwt.setIssuer(config.issuer());
        }
        if (config.audience() != null) {
            jwt.setAudience(List.of(config.audience()));
        }
        JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(jwt);
        for (String algorithm : config.algorithms()) {
            if (config.secret() != null) {
                options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setBuffer(config.secret()));
            }
            if (config.publicKeyFile() != null) {
                options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm)
                    .setBuffer(read(config.publicKeyFile())));
            }
        }
        if (!jwks.isEmpty()) {
            options.setJwks(jwks);
        }
        if ((options.getPubSecKeys() == null || options.getPubSecKeys().isEmpty()) && jwks.isEmpty()) {
            throw new IllegalArgumentException("no key verifies " + config.algorithm());
        }
        return JWTAuth.create(vertx, options);
    }

    private static List<JsonObject> jwks(JwtConfig config) {
        if (config.jwksFile() == null) {
            return List.of();
        }
        JsonArray keys = new JsonObject(read(config.jwksFile())).getJsonArray("keys");
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("JWKS file " + config.jwksFile() + " has no \"keys\"");
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.addAll(IdentityProvider.variants(keys.getJsonObject(i), config.algorithms()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("JWKS file " + config.jwksFile() + " has no " + config.algorithm()
                + " signature key");
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The principal of a bearer token.
     *
     * @return a failed future with a 401 {@link ApiException} saying briefly why the token was refused (a claim
     *     of the wrong type is named, never a server error), or 503 when the identity provider's keys cannot be
     *     fetched
     */
    public Future<Principal> authenticate(String token) {
        if (!config.enabled()) {
            return Future.failedFuture(ApiException.unauthorized("bearer tokens are not accepted by this server "
                + "(no JWT key is configured); use an API key"));
        }
        JsonObject header = Claims.header(token);
        Object alg = header == null ? null : header.getValue("alg");
        if (!(alg instanceof String a) || !config.algorithms().contains(a)) {
            return Future.failedFuture(refused(NOT_ACCEPTED));
        }
        Object kid = header.getValue("kid");
        Future<JWTAuth> verifier = provider == null ? Future.succeededFuture(auth)
            : provider.verifier(kid instanceof String k ? k : null);
        return verifier.compose(v -> verify(v, token));
    }

    private Future<Principal> verify(JWTAuth verifier, String token) {
        Future<User> verified;
        try {
            verified = verifier == null ? Future.failedFuture(NOT_ACCEPTED)
                : verifier.authenticate(new TokenCredentials(token));
        } catch (RuntimeException e) {
            // vertx-auth-jwt casts exp, nbf, iat and aud after the signature verified: a wrong type throws here
            verified = Future.failedFuture(e);
        }
        return verified
            .recover(e -> Future.failedFuture(refused(reason(e.getMessage(), Claims.unverified(token)))))
            .map(user -> principal(user.attributes().getJsonObject("accessToken"), config.claims()));
    }
    /** Why a token was refused, from the verifier's message and the token's (unverified) claims, or null. */
    String reason(String message, JsonObject claims) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("signature")) {
            return "its signature does not verify";
        }
        String wrongType = claims == null ? null : Claims.wrongType(claims);
        if (wrongType != null) {
            return wrongType;
        }
        if (m.contains("expired")) {
            return claims == null ? "it has expired" : Claims.timeProblem(claims, System.currentTimeMillis() / 1000,
                leewaySeconds);
        }
        if (m.contains("audience")) {
            return "wrong audience";
        }
        if (m.contains("issuer")) {
            return "wrong issuer";
        }
        return NOT_ACCEPTED;
    }

    /** The principal of verified claims, with SmartCamp's own claim names. */
    static Principal principal(JsonObject claims) {
        return principal(claims, JwtConfig.ClaimMapping.DEFAULT);
    }

    /** The principal of verified claims, its role and scope read from the claims {@code mapping} names. */
    static Principal principal(JsonObject claims, JwtConfig.ClaimMapping mapping) {
        try {
            String wrongType = Claims.wrongType(claims);
            if (wrongType != null) {
                throw refused(wrongType);
            }
            String sub = claims.getString("sub");
            if (sub == null || sub.isBlank() || sub.length() > MAX_SUBJECT) {
                throw refused("claim 'sub' is missing");
            }
            Role role = role(claims, mapping);
            List<String> missions = new ArrayList<>(ids(claims, mapping.missions(), true));
            List<String> camps = new ArrayList<>(ids(claims, mapping.camps(), false));
            if (mapping.scopes() != null) {
                for (String entry : strings(claims, mapping.scopes(), true)) {
                    scope(mapping.scopes(), entry, missions, camps);
                }
            }
            return new Principal("jwt:" + sub, role, Grant.of(missions, camps)
                .withLocation(ids(claims, "location", true)));
        } catch (ClassCastException e) {
            throw refused("a claim has the wrong type");
        }
    }

    /** The highest SmartCamp role the role claim grants, through the role map when one is configured. */
    private static Role role(JsonObject claims, JwtConfig.ClaimMapping mapping) {
        Role best = null;
        for (String name : strings(claims, mapping.role(), false)) {
            Role r = Role.ofId(mapping.roles().isEmpty() ? name : mapping.roles().get(name));
            if (r != null && (best == null || r.includes(best))) {
                best = r;
            }
        }
        if (best == null) {
            throw refused(mapping.roles().isEmpty() ? "claim '" + mapping.role() + "' must be viewer, logistics or "
                + "admin" : "claim '" + mapping.role() + "' grants no SmartCamp role");
        }
        return best;
    }

    /** A {@code mission:<id>} or {@code camp:<id>} entry of the scopes claim; anything else is not SmartCamp's. */
    private static void scope(String claim, String entry, List<String> missions, List<String> camps) {
        boolean mission = entry.startsWith(MISSION);
        if (!mission && !entry.startsWith(CAMP)) {
            return;
        }
        String id = entry.substring(mission ? MISSION.length() : CAMP.length());
        if (!Params.ID.matcher(id).matches() && !(mission && Grant.ALL.equals(id))) {
            throw refused("claim '" + claim + "' has an entry that is not mission:<id> or camp:<id>");
        }
        (mission ? missions : camps).add(id);
    }

    /**
     * The claim at {@code path}: the claim of that very name, else the dotted path through objects
     * ({@code realm_access.roles}); null when absent.
     */
    static Object at(JsonObject claims, String path) {
        if (claims.containsKey(path)) {
            return claims.getValue(path);
        }
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof JsonObject o)) {
                return null;
            }
            at = o.getValue(part);
        }
        return at;
    }

    /** The strings of a claim: an array of strings, a string (split at spaces when {@code words}), or none. */
    private static List<String> strings(JsonObject claims, String path, boolean words) {
        Object v = at(claims, path);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return words ? List.of(s.trim().split("\\s+")) : List.of(s);
        }
        if (v instanceof JsonArray a && a.stream().allMatch(String.class::isInstance)) {
            return a.stream().map(String.class::cast).toList();
        }
        throw refused("claim '" + path + "' must be a string or an array of strings");
    }

    private static List<String> ids(JsonObject claims, String name, boolean wildcard) {
        Object v = at(claims, name);
        JsonArray a = v == null ? new JsonArray() : v instanceof JsonArray array ? array : null;
        if (a == null) {
            throw refused("claim '" + name + "' must be an array of ids");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Object id = a.getValue(i);
            boolean ok = id instanceof String s && (Params.ID.matcher(s).matches() || wildcard && Grant.ALL.equals(s));
            if (!ok) {
                throw refused("claim '" + name + "' must be an array of ids");
            }
            out.add((String) id);
        }
        return out;
    }

    private static ApiException refused(String why) {
        return ApiException.unauthorized("the bearer token was refused: " + why);
    }
}
