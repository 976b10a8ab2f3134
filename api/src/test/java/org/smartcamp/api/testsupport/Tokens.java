package org.smartcamp.api.testsupport;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs for tests: signed HS256 tokens, and the tampered, unsigned and expired ones attackers send. */
public final class Tokens {
    /** The HS256 secret the test server is configured with. */
    public static final String SECRET = "test-secret-of-at-least-32-bytes-0123456789";

    private Tokens() {
    }

    /** SmartCamp claims valid for an hour. */
    public static JsonObject claims(String sub, String role, List<String> missions, List<String> camps) {
        long now = Instant.now().getEpochSecond();
        return new JsonObject().put("sub", sub).put("role", role).put("missions", new JsonArray(missions))
            .put("camps", new JsonArray(camps)).put("iat", now).put("exp", now + 3600).put("iss", "smartcamp-test")
            .put("aud", "smartcamp-api");
    }

    /** The claims signed with HS256 and {@code secret}. */
    public static String sign(JsonObject claims, String secret) {
        String input = part(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + part(claims);
        return input + "." + mac(input, secret);
    }

    /** Signed with the test secret. */
    public static String sign(JsonObject claims) {
        return sign(claims, SECRET);
    }

    /** An unsigned token ({@code alg: none}). */
    public static String unsigned(JsonObject claims) {
        return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
    }

    /** A signed token whose payload was swapped afterwards (e.g. a wider scope). */
    public static String tampered(JsonObject signedClaims, JsonObject forgedClaims) {
        String[] parts = sign(signedClaims).split("\\.");
        return parts[0] + "." + part(forgedClaims) + "." + parts[2];
    }

    static String part(JsonObject json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static String mac(String input, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
