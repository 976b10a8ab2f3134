package org.smartcamp.platform;

import java.util.function.BooleanSupplier;

/**
 * One dependency the service needs to be ready (broker, database).
 *
 * @param name    shown in the readiness response
 * @param check   whether it is usable now; must be cheap (a cached state, not a network round trip)
 */
public record HealthCheck(String name, BooleanSupplier check) {
}
