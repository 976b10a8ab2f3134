package org.smartcamp.simulator.catalogue;

import java.util.Locale;

/** The kinds of asset a camp has, as the inventory and the store name them. */
public enum AssetKind {
    GENERATOR, FUEL_TANK, PV, BATTERY, VEHICLE, WATER_TANK,
    /** The camp's weather station ({@code {camp}-wx}). */
    WEATHER;

    /** The exact string used in inventories, e.g. {@code fuel_tank}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
