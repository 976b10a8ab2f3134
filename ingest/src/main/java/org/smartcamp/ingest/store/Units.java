package org.smartcamp.ingest.store;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Unit conversion into a metric's canonical unit. Gateways may send a reading in another unit of the same
 * quantity (W for kW, Wh for kWh, SenML's Cel for degC, ...); it is stored in the canonical one. Anything else
 * is a mismatch, because a value in the wrong unit is worse than no value.
 */
public final class Units {
    private static final Map<String, Map<String, Double>> FACTORS = Map.ofEntries(
        Map.entry("kW", Map.of("W", 1e-3, "MW", 1e3)),
        Map.entry("kVA", Map.of("VA", 1e-3, "MVA", 1e3)),
        Map.entry("kWh", Map.of("Wh", 1e-3, "MWh", 1e3, "J", 1 / 3.6e6)),
        Map.entry("L", Map.of("l", 1.0, "m3", 1e3)),
        Map.entry("L/h", Map.of("l/h", 1.0, "m3/h", 1e3)),
        Map.entry("mm", Map.of("m", 1e3, "cm", 10.0)),
        Map.entry("degC", Map.of("Cel", 1.0)),
        Map.entry("km/h", Map.of("m/s", 3.6)),
        Map.entry("km", Map.of("m", 1e-3)),
        Map.entry("h", Map.of("s", 1 / 3600.0, "min", 1 / 60.0)),
        Map.entry("kPa", Map.of("Pa", 1e-3, "bar", 100.0)),
        Map.entry("%", Map.of("%EL", 1.0, "%RH", 1.0)),
        Map.entry("deg", Map.of("lat", 1.0, "lon", 1.0)),
        Map.entry("1", Map.of("/", 1.0)),
        Map.entry("W/m2", Map.of("W/m^2", 1.0)));

    private Units() {
    }

    /**
     * The conversion of a value sent in {@code sent} into {@code canonical}, or {@code null} when the two are not
     * units of the same quantity. A reading sent without a unit, or a metric without a canonical unit, needs no
     * conversion.
     */
    public static DoubleUnaryOperator converter(String sent, String canonical) {
        if (sent == null || canonical == null || sent.equals(canonical)) {
            return DoubleUnaryOperator.identity();
        }
        Map<String, Double> from = FACTORS.get(canonical);
        Double factor = from == null ? null : from.get(sent);
        if (factor == null) {
            return null;
        }
        double f = factor;
        return v -> v * f;
    }
}
