package org.smartcamp.api.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The types and times of a token's claims, checked so that a token with a claim of the wrong type is refused
 * with a reason naming the claim (never a server error), and a token used too early is told so rather than
 * "expired".
 */
final class Claims {
    private static final List<String> NUMBERS = List.of("nbf", "iat");
    private static final List<String> TEXTS = List.of("iss", "sub", "role");
    private static final List<String> ID_LISTS = List.of("missions", "camps", "location");

    private Claims() {
    }

    /** The payload of a JWT without verifying anything, or null when it is not base64url JSON. */
    static JsonObject unverified(String token) {
        return part(token, 1);
    }

    /** The header of a JWT without verifying anything, or null when it is not base64url JSON. */
    static JsonObject header(String token) {
        return part(token, 0);
    }

    private static JsonObject part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What is wrong with the types of the claims (naming the claim), or null when nothing is. */
    static String wrongType(JsonObject claims) {
        if (claims.getValue("exp") == null) {
            return "it has no expiry (exp)";
        }
        if (!(claims.getValue("exp") instanceof Number)) {
            return "claim 'exp' must be a number (seconds since 1970)";
        }
        for (String name : NUMBERS) {
            Object v = claims.getValue(name);
            if (v != null && !(v instanceof Number)) {
                return "claim '" + name + "' must be a number (seconds since 1970)";
            }
        }
        for (String name : TEXTS) {
            Object v = claims.getValue(name);
            if (v != null && !(v instanceof String)) {
                return "claim '" + name + "' must be a string";
            }
        }
        Object aud = claims.getValue("aud");
        if (aud != null && !(aud instanceof String) && !strings(aud)) {
            return "claim 'aud' must be a string or an array of strings";
        }
        for (String name : ID_LISTS) {
            Object v = claims.getValue(name);
            if (v != null && !strings(v)) {
                return "claim '" + name + "' must be an array of ids";
            }
        }
        return null;
    }

    private static boolean strings(Object value) {
        return value instanceof JsonArray a && a.stream().allMatch(String.class::isInstance);
    }

    /**
     * Why a token with well-typed claims is outside its validity at {@code now}: used before {@code nbf} or
     * issued after now ({@code iat}), else expired.
     */
    static String timeProblem(JsonObject claims, long now, long leeway) {
        Object nbf = claims.getValue("nbf");
        if (nbf instanceof Number n && n.doubleValue() > now + leeway) {
            return "it is not valid yet (nbf)";
        }
        Object iat = claims.getValue("iat");
        if (iat instanceof Number n && n.doubleValue() > now + leeway) {
            return "it is not valid yet (issued in the future, iat)";
        }
        return "it has expired";
    }
}
