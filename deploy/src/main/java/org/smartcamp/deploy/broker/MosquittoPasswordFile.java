package org.smartcamp.deploy.broker;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A Mosquitto 2 password file: one {@code user:$7$101$salt$hash} line per user, the hash being PBKDF2 with
 * HMAC-SHA512 over a random 12-byte salt, as {@code mosquitto_passwd} writes it. Existing lines are kept unless a
 * user is set again, so gateways can be added to a file without touching the others.
 */
public final class MosquittoPasswordFile {
    private static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BITS = 512;
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Map<String, String> lines = new LinkedHashMap<>();
    private final SecureRandom random;

    public MosquittoPasswordFile(SecureRandom random) {
        this.random = random;
    }

    /** Reads the users of an existing file ({@code #} comments and blank lines are dropped). */
    public MosquittoPasswordFile load(List<String> existing) {
        for (String line : existing) {
            int colon = line.indexOf(':');
            if (!line.isBlank() && !line.startsWith("#") && colon > 0) {
                lines.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return this;
    }

    /** Adds or replaces {@code user}. */
    public void put(BrokerUser user) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        lines.put(user.name(), "$7$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
            + b64.encodeToString(hash(user.password(), salt, ITERATIONS)));
    }

    /** A random password of {@code length} unambiguous letters and digits. */
    public String newPassword(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return out.toString();
    }

    /** The file's text, one user per line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        lines.forEach((user, hash) -> out.append(user).append(':').append(hash).append('\n'));
        return out.toString();
    }

    static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            // SunJCE's PBKDF2 encodes the password characters as UTF-8, as mosquitto_passwd hashes its bytes.
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every Java 17 runtime", e);
        }
    }

    /** Whether {@code password} matches a {@code $7$} hash field (for tests and checks). */
    static boolean matches(String field, String password) {
        String[] parts = field.split("\\$");
        if (parts.length != 5 || !"7".equals(parts[1])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        byte[] expected = Base64.getDecoder().decode(parts[4]);
        return MessageDigest.isEqual(expected, hash(password, salt, Integer.parseInt(parts[2])));
    }
}
