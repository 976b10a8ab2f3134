package org.smartcamp.ingest.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical units readings are stored in, each with the quantity it measures and the other spellings and units
 * of that quantity a gateway may send (converted on the way in). Spellings are matched case-insensitively
 * ({@code kw}, {@code KW} for {@code kW}; {@code l}, {@code litres}, {@code liters} for {@code L}); within one
 * canonical unit no two aliases differ only by case, so the match is never ambiguous. The one exception is a mega
 * prefix ({@code MW}, {@code MVA}, {@code MWh}): it is matched in its exact case only, because {@code mW} (milli) read
 * as {@code MW} would be off by a factor of a billion.
 */
public enum Unit {
    KW("kW", "power", "W", 1e-3, "MW", 1e3),
    KVA("kVA", "apparent power", "VA", 1e-3, "MVA", 1e3),
    KWH("kWh", "energy", "Wh", 1e-3, "MWh", 1e3, "J", 1 / 3.6e6),
    LITRE("L", "volume", "litre", 1.0, "litres", 1.0, "liter", 1.0, "liters", 1.0, "m3", 1e3),
    LITRE_PER_HOUR("L/h", "volume flow", "lph", 1.0, "L/min", 60.0, "m3/h", 1e3),
    MILLIMETRE("mm", "level", "m", 1e3, "cm", 10.0),
    DEGREE_CELSIUS("degC", "temperature", "Cel", 1.0),
    KM_PER_HOUR("km/h", "speed", "m/s", 3.6, "kph", 1.0),
    KILOMETRE("km", "distance", "m", 1e-3),
    HOUR("h", "duration", "s", 1 / 3600.0, "min", 1 / 60.0),
    KILOPASCAL("kPa", "pressure", "Pa", 1e-3, "bar", 100.0),
    PERCENT("%", "share", "%EL", 1.0, "%RH", 1.0, "pct", 1.0),
    DEGREE("deg", "angle", "lat", 1.0, "lon", 1.0),
    RATIO("1", "ratio", "/", 1.0),
    WATT_PER_M2("W/m2", "irradiance", "W/m^2", 1.0),
    VOLT("V", "voltage"),
    AMPERE("A", "current"),
    COUNT("count", "count"),
    /** 1 or 0; a gateway may leave the unit out or send it empty. */
    BOOL("bool", "state");

    private final String symbol;
    private final String quantity;
    private final Map<String, Double> factors = new LinkedHashMap<>();

    Unit(String symbol, String quantity, Object... aliasesAndFactors) {
        this.symbol = symbol;
        this.quantity = quantity;
        for (int i = 0; i < aliasesAndFactors.length; i += 2) {
            factors.put((String) aliasesAndFactors[i], (Double) aliasesAndFactors[i + 1]);
        }
    }

    /** The canonical symbol values are stored in, e.g. {@code kW}. */
    public String symbol() {
        return symbol;
    }

    /** What it measures, e.g. {@code power}. */
    public String quantity() {
        return quantity;
    }

    /** The other units accepted for it and the factor that converts a value in each into this one. */
    public Map<String, Double> aliases() {
        return Collections.unmodifiableMap(factors);
    }

    /**
     * The factor converting a value sent in {@code sent} into this unit: 1 for this unit in any case, the alias's
     * factor for an alias in any case, or empty when {@code sent} is not a unit of this quantity. An empty
     * {@code sent} is accepted only by {@link #BOOL}.
     */
    public Optional<Double> factorFrom(String sent) {
        if (sent.isEmpty()) {
            return this == BOOL ? Optional.of(1.0) : Optional.empty();
        }
        if (sent.equalsIgnoreCase(symbol)) {
            return Optional.of(1.0);
        }
        String lower = sent.toLowerCase(Locale.ROOT);
        if (factors.containsKey(sent)) {
            return Optional.of(factors.get(sent));
        }
        return factors.entrySet().stream().filter(e -> !e.getKey().startsWith("M"))
            .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower)).map(Map.Entry::getValue).findFirst();
    }

    /** The unit whose canonical symbol is exactly {@code symbol}. */
    public static Optional<Unit> ofSymbol(String symbol) {
        for (Unit u : values()) {
            if (u.symbol.equals(symbol)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
