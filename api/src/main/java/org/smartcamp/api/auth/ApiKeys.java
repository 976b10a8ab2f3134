package org.smartcamp.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The form of API keys: {@code sck_} and 43 characters of base64url (256 random bits). Only the SHA-256 of a
 * key is stored; the key itself is shown once, when it is created.
 */
public final class ApiKeys {
    /** What a well-formed key looks like. */
    public static final Pattern FORM = Pattern.compile("sck_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A fresh secret key. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fresh key id such as {@code key-3f9a1c07d2}: public, used to list and revoke. */
    public static String newId() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "key-" + HexFormat.of().formatHex(bytes);
    }

    /** SHA-256 of the key's text. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
