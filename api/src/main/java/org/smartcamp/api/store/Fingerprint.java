package org.smartcamp.api.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 digests of text, for cache keys and ETags. */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The first 16 bytes of the SHA-256 of {@code text} (UTF-8), as 32 hex digits. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 16 bytes of the SHA-256 of {@code bytes}, as 32 hex digits. */
    public static String of(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
