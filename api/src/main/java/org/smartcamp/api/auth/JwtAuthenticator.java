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
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Params;

/**
 * Verifies bearer tokens with vertx-auth-jwt (signature with the configured algorithm and key only; exp and nbf
 * with the leeway; iss and aud when configured) and reads SmartCamp's claims: {@code sub}, {@code role}
 * (viewer, logistics, admin), {@code missions} and {@code camps} (arrays of ids; {@code "*"} in missions for
 * all), and {@code location} (camps or missions whose personal metrics it may read, {@code "*"} for every camp in
 * scope; absent for none). A token without {@code exp} is refused.
 */
public final class JwtAuthenticator {
    private static final int MAX_SUBJECT = 200;

    private final JWTAuth auth;
    private final long leewaySeconds;

    /**
     * @throws IllegalArgumentException when a key file cannot be read or holds no usable key
     */
    public JwtAuthenticator(Vertx vertx, JwtConfig config) {
        this.auth = config.enabled() ? JWTAuth.create(vertx, options(config)) : null;
        this.leewaySeconds = config.leeway().toSeconds();
    }

    static JWTAuthOptions options(JwtConfig config) {
        JWTOptions jwt = new JWTOptions().setLeeway((int) config.leeway().toSeconds()).setIgnoreExpiration(false);
        if (config.issuer() != null) {
            jwt.setIssuer(config.issuer());
        }
        if (config.audience() != null) {
            jwt.setAudience(List.of(config.audience()));
        }
        JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(jwt);
        if (config.secret() != null) {
            options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(config.algorithm()).setBuffer(config.secret()));
        }
        if (config.publicKeyFile() != null) {
            options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(config.algorithm())
                .setBuffer(read(config.publicKeyFile())));
        }
        if (config.jwksFile() != null) {
            options.setJwks(jwks(config));
        }
        return options;
    }

    private static List<JsonObject> jwks(JwtConfig config) {
        JsonArray keys = new JsonObject(read(config.jwksFile())).getJsonArray("keys");
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("JWKS file " + config.jwksFile() + " has no \"keys\"");
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonObject k = keys.getJsonObject(i).copy();
            if (!k.containsKey("alg")) {
                k.put("alg", config.algorithm());
            }
            if (config.algorithm().equals(k.getString("alg"))) {
                out.add(k);
            }
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
     *     of the wrong type is named, never a server error)
     */
    public Future<Principal> authenticate(String token) {
        if (auth == null) {
            return Future.failedFuture(ApiException.unauthorized("bearer tokens are not accepted by this server "
                + "(no JWT key is configured); use an API key"));
        }
        Future<User> verified;
        try {
            verified = auth.authenticate(new TokenCredentials(token));
        } catch (RuntimeException e) {
            // vertx-auth-jwt casts exp, nbf, iat and aud after the signature verified: a wrong type throws here
            verified = Future.failedFuture(e);
        }
        return verified
            .recover(e -> Future.failedFuture(refused(reason(e.getMessage(), Claims.unverified(token)))))
            .map(user -> principal(user.attributes().getJsonObject("accessToken")));
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
        return "it is malformed or not signed with an accepted algorithm and key";
    }

    static Principal principal(JsonObject claims) {
        try {
            String wrongType = Claims.wrongType(claims);
            if (wrongType != null) {
                throw refused(wrongType);
            }
            String sub = claims.getString("sub");
            if (sub == null || sub.isBlank() || sub.length() > MAX_SUBJECT) {
                throw refused("claim 'sub' is missing");
            }
            Role role = Role.ofId(claims.getString("role"));
            if (role == null) {
                throw refused("claim 'role' must be viewer, logistics or admin");
            }
            Grant grant = Grant.of(ids(claims, "missions", true), ids(claims, "camps", false))
                .withLocation(ids(claims, "location", true));
            return new Principal("jwt:" + sub, role, grant);
        } catch (ClassCastException e) {
            throw refused("a claim has the wrong type");
        }
    }

    private static List<String> ids(JsonObject claims, String name, boolean wildcard) {
        JsonArray a = claims.getJsonArray(name, new JsonArray());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String id = a.getString(i);
            boolean ok = id != null && (Params.ID.matcher(id).matches() || wildcard && Grant.ALL.equals(id));
            if (!ok) {
                throw refused("claim '" + name + "' must be an array of ids");
            }
            out.add(id);
        }
        return out;
    }

    private static ApiException refused(String why) {
        return ApiException.unauthorized("the bearer token was refused: " + why);
    }
}
