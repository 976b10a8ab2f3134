package org.smartcamp.analytics.assets;

import java.util.Map;
import java.util.Objects;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.inventory.Inventory;

/**
 * What the utilization analytics need to know about an asset.
 *
 * @param assetId                the asset id
 * @param kind                   vehicle or generator
 * @param serviceIntervalHours   engine hours between services
 * @param lastServiceEngineHours engine-hours reading at the last service, or {@code null} (then the next service is
 *                               taken at the next whole multiple of the interval)
 * @param idleLitresPerHour      the asset's idle consumption, or {@code null} (then measured from the data, else the
 *                               default)
 * @param fuelCapacityL          fuel tank capacity, for consumption from the level when there is no fuel counter;
 *                               or {@code null}
 */
public record AssetRating(String assetId, AssetKind kind, double serviceIntervalHours, Double lastServiceEngineHours,
                          Double idleLitresPerHour, Double fuelCapacityL) {
    /** Asset attribute holding the engine hours at the last service. */
    public static final String LAST_SERVICE_ATTRIBUTE = "last_service_engine_hours";
    /** Asset attribute holding the idle consumption in L/h. */
    public static final String IDLE_LPH_ATTRIBUTE = "idle_lph";

    public AssetRating {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(kind, "kind");
        if (!(serviceIntervalHours > 0)) {
            throw new IllegalArgumentException(assetId + ": service interval must be positive");
        }
    }

    /**
     * The rating of an inventory asset: its service interval (else the default for its kind), and the attributes
     * {@value #LAST_SERVICE_ATTRIBUTE} and {@value #IDLE_LPH_ATTRIBUTE} when numeric.
     */
    public static AssetRating of(Inventory.Asset asset, AssetSettings settings) {
        return of(asset.id(), asset.kind(), asset.serviceIntervalH(), asset.fuelCapacityL(), asset.attributes(),
            settings);
    }

    /** The rating from registry fields and free attributes (see {@link #of(Inventory.Asset, AssetSettings)}). */
    public static AssetRating of(String id, AssetKind kind, Double serviceIntervalH, Double fuelCapacityL,
                                 Map<String, Object> attributes, AssetSettings settings) {
        double interval = serviceIntervalH != null ? serviceIntervalH
            : kind == AssetKind.GENERATOR ? settings.generatorServiceHours() : settings.vehicleServiceHours();
        return new AssetRating(id, kind, interval, number(id, attributes, LAST_SERVICE_ATTRIBUTE),
            number(id, attributes, IDLE_LPH_ATTRIBUTE), fuelCapacityL);
    }

    private static Double number(String id, Map<String, Object> attributes, String attribute) {
        Object v = attributes.get(attribute);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(id + ": attribute " + attribute + " is not a number: " + s);
            }
        }
        return null;
    }
}
