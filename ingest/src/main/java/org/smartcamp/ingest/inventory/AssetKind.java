package org.smartcamp.ingest.inventory;

import java.util.Locale;

/** The kinds of asset a camp has; the lower-case name is what files and the database use. */
public enum AssetKind {
    GENERATOR, FUEL_TANK, PV, BATTERY, VEHICLE, WATER_TANK, WEATHER;

    /** The name used in inventory files and in {@code assets.kind}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code code}.
     *
     * @throws IllegalArgumentException listing the valid kinds
     */
    public static AssetKind fromCode(String code) {
        for (AssetKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown asset kind '" + code
            + "'; one of generator, fuel_tank, pv, battery, vehicle, water_tank, weather");
    }
}
