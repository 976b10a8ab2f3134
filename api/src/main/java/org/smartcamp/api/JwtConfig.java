package org.smartcamp.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * How bearer tokens (JWT) are verified. HMAC algorithms (HS256/384/512) use {@code secret} (at least 32 bytes;
 * set it through the environment); RSA and EC algorithms (RS*, PS*, ES*) use a PEM public key file or a JWKS
 * file. {@code issuer} and {@code audience}, when set, must match the token's {@code iss} and {@code aud};
 * {@code leeway} is the clock skew allowed on {@code exp} and {@code nbf}. With no secret and no key file,
 * bearer tokens are refused (API keys still work).
 */
public record JwtConfig(String algorithm, String secret, Path publicKeyFile, Path jwksFile, String issuer,
                        String audience, Duration leeway) {
    private static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
    private static final Set<String> PUBLIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
        "ES384", "ES512");

    /**
     * @throws IllegalArgumentException naming what is wrong: an unknown algorithm, a short secret, an HMAC
     *     algorithm with a key file or a public-key algorithm with a secret
     */
    public JwtConfig {
        if (!HMAC.contains(algorithm) && !PUBLIC.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm '" + algorithm + "' is not one of HS256, HS384, HS512, "
                + "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512");
        }
        secret = secret == null || secret.isEmpty() ? null : secret;
        if (HMAC.contains(algorithm) && (publicKeyFile != null || jwksFile != null)) {
            throw new IllegalArgumentException(algorithm + " is verified with a secret, not a key file");
        }
        if (PUBLIC.contains(algorithm) && secret != null) {
            throw new IllegalArgumentException(algorithm + " is verified with a public key file, not a secret");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("the secret must be at least 32 bytes long");
        }
        leeway = leeway == null ? Duration.ZERO : leeway;
    }

    /** No bearer tokens accepted. */
    public static JwtConfig disabled() {
        return new JwtConfig("HS256", null, null, null, null, null, Duration.ZERO);
    }

    /** Whether bearer tokens can be verified at all. */
    public boolean enabled() {
        return secret != null || publicKeyFile != null || jwksFile != null;
    }

    /** Whether the algorithm is an HMAC one (a shared secret). */
    public boolean hmac() {
        return HMAC.contains(algorithm);
    }

    @Override
    public String toString() {
        return "JwtConfig[algorithm=" + algorithm + ", secret=" + (secret == null ? "none" : "***")
            + ", publicKeyFile=" + publicKeyFile + ", jwksFile=" + jwksFile + ", issuer=" + issuer + ", audience="
            + audience + ", leeway=" + leeway + "]";
    }
}
