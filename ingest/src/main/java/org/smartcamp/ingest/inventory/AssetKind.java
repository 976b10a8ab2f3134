package org.smartcamp.ingest.inventory;

import java.util.Locale;

/**
 * The kinds of asset a camp has; the lower-case name is what files and the database use, the labels what people
 * read (English and French).
 */
public enum AssetKind {
    GENERATOR("Generator", "Groupe électrogène"),
    FUEL_TANK("Fuel tank", "Citerne de carburant"),
    PV("Solar array", "Champ photovoltaïque"),
    BATTERY("Battery", "Batterie"),
    VEHICLE("Vehicle", "Véhicule"),
    WATER_TANK("Water tank", "Réservoir d'eau"),
    WEATHER("Weather station", "Station météo");

    private final String labelEn;
    private final String labelFr;

    AssetKind(String labelEn, String labelFr) {
        this.labelEn = labelEn;
        this.labelFr = labelFr;
    }

    /** A label for people in {@code language} ({@code en} or {@code fr}; English for any other). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

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
