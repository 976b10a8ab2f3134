package org.smartcamp.analytics.store;

import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.inventory.Inventory;

/**
 * An asset with the typed properties of the registry (null where the inventory gives none) and its analytics
 * settings: its camp's overrides, then its own.
 *
 * @param ref          its key in readings and the rollups
 * @param id           asset id
 * @param campId       the camp it belongs to
 * @param kind         {@code generator}, {@code fuel_tank}, ... or {@code unknown} for one first seen in telemetry
 * @param supplyTankId the fuel tank a generator draws from, or the bulk tank a day tank is filled from
 * @param attributes   the free attributes of the inventory (settings overrides excluded)
 * @param settings     camp overrides merged with the asset's (the asset's win)
 */
public record AssetInfo(int ref, String id, String campId, String kind, String name, Double ratedKw,
                        Double ratedKva, Double fuelF0, Double fuelF1, Double capacityL, Double unusableL,
                        List<Inventory.StrappingPoint> strapping, Double ratedKwp, Double capacityKwh,
                        Double fuelCapacityL, Double serviceIntervalH, String supplyTankId,
                        Map<String, Object> attributes, AnalyticsSettings settings) {

    public AssetInfo {
        strapping = strapping == null ? null : List.copyOf(strapping);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        settings = settings == null ? AnalyticsSettings.defaults() : settings;
    }

    /** Whether the asset is of {@code k}. */
    public boolean is(AssetKind k) {
        return k.code().equals(kind);
    }
}
