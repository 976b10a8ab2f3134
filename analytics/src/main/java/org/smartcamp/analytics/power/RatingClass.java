package org.smartcamp.analytics.power;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ISO 8528-1 class of a generator's rated power ({@code rated_kw} in the inventory is the rating of this class),
 * which says how far above it the set may run: a prime-power set (PRP) may carry {@code power.primeOverload}
 * (10 %) more for {@code power.primeOverloadTime} (1 h) in every {@code power.primeOverloadWindow} (12 h), as
 * manufacturers state it for prime ratings; continuous (COP) and emergency standby (ESP) ratings allow nothing above.
 */
public enum RatingClass {
    /** Prime power: variable load for unlimited hours, with a short overload allowance. */
    PRIME,
    /** Continuous operating power: constant load, no overload. */
    CONTINUOUS,
    /** Emergency standby power: the most the set gives, no overload. */
    STANDBY;

    /** The class named {@code text} (case-insensitive), or empty. */
    static java.util.Optional<RatingClass> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.id().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The inventory's word for it: {@code prime}, {@code continuous} or {@code standby}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the rating allows running above it for a while. */
    public boolean hasOverloadAllowance() {
        return this == PRIME;
    }

    static String names() {
        return Arrays.stream(values()).map(RatingClass::id).collect(Collectors.joining(", "));
    }
}
