package org.smartcamp.analytics.alarm.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a secret reference of a rule's channel, {@code env:NAME}, to the secret: the value of the environment
 * variable NAME of the analytics process. A secret itself is never stored in a rule, an outbox row or a payload,
 * and never logged.
 */
public final class Secrets {
    private static final String ENV = "env:";

    private final Function<String, String> environment;

    /** @param environment the process environment ({@code System::getenv} in the launcher, a map in tests) */
    public Secrets(Function<String, String> environment) {
        this.environment = environment;
    }

    public static Secrets of(Map<String, String> environment) {
        return new Secrets(environment::get);
    }

    /**
     * Checks the form of a reference (not whether it resolves here).
     *
     * @throws DeliveryConfigException naming {@code field} when it is not {@code env:NAME}
     */
    public static void checkReference(String field, String reference) {
        if (reference == null || !reference.startsWith(ENV)
            || !reference.substring(ENV.length()).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new DeliveryConfigException(field + ": expected env:NAME, the environment variable of the analytics"
                + " process that holds the secret (the secret itself is never stored in a rule)");
        }
    }

    /**
     * The secret {@code reference} names.
     *
     * @return empty when the variable is unset or empty
     * @throws DeliveryConfigException when the reference is not {@code env:NAME}
     */
    public Optional<String> resolve(String field, String reference) {
        checkReference(field, reference);
        String value = environment.apply(reference.substring(ENV.length()));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
