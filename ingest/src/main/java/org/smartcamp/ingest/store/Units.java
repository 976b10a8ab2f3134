package org.smartcamp.ingest.store;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.smartcamp.ingest.catalogue.Unit;

/**
 * Unit conversion into a metric's canonical unit. Gateways may send a reading in another unit of the same
 * quantity (W for kW, Wh for kWh, SenML's Cel for degC, litres for L, kw for kW, ...); it is stored in the canonical
 * one. The units and their aliases are the catalogue's ({@link Unit}). Anything else is a mismatch, because a value
 * in the wrong unit is worse than no value.
 */
public final class Units {
    private Units() {
    }

    /**
     * The conversion of a value sent in {@code sent} into {@code canonical}, or {@code null} when the two are not
     * units of the same quantity. A reading sent without a unit, or a metric without a canonical unit, needs no
     * conversion; an empty unit is accepted for a boolean ({@code bool}) metric only.
     */
    public static DoubleUnaryOperator converter(String sent, String canonical) {
        if (sent == null || canonical == null || sent.equals(canonical)) {
            return DoubleUnaryOperator.identity();
        }
        Optional<Double> factor = Unit.ofSymbol(canonical).flatMap(u -> u.factorFrom(sent));
        if (factor.isEmpty()) {
            return null;
        }
        double f = factor.get();
        return f == 1.0 ? DoubleUnaryOperator.identity() : v -> v * f;
    }
}
