package org.smartcamp.ingest.inventory;

import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.catalogue.AssetKind;

/**
 * An asset inventory: the missions, their camps and the camps' assets, as an inventory file describes them
 * (see {@code docs/inventory.md}). Optional properties are {@code null} when the file leaves them out.
 */
public record Inventory(List<Mission> missions, SparkplugNames sparkplug) {

    /** An inventory that gives no Sparkplug B names. */
    public Inventory(List<Mission> missions) {
        this(missions, SparkplugNames.NONE);
    }

    public Inventory {
        missions = List.copyOf(missions);
        sparkplug = sparkplug == null ? SparkplugNames.NONE : sparkplug;
    }

    /** A mission and its camps. */
    public record Mission(String id, String name, List<Camp> camps) {
        public Mission {
            camps = List.copyOf(camps);
        }
    }

    /**
     * A camp, located by WGS 84 latitude/longitude, with the population its loads are sized for and the analytics
     * settings that differ from the defaults for all its assets (flat keys such as {@code fuel.theftMinLitres}).
     * {@code autoRegister} is its policy for assets first seen in its telemetry ({@code null}: the ingest's default);
     * {@code strictMetrics} ({@code null}: false) dead-letters readings of metrics the catalogue does not know.
     */
    public record Camp(String id, String name, Double latitude, Double longitude, Integer population,
                       String timezone, Map<String, String> analytics, List<Asset> assets, Boolean autoRegister,
                       Boolean strictMetrics) {

        /** A camp that follows the ingest's default registration policy and stores unknown metrics. */
        public Camp(String id, String name, Double latitude, Double longitude, Integer population,
                    String timezone, Map<String, String> analytics, List<Asset> assets) {
            this(id, name, latitude, longitude, population, timezone, analytics, assets, null, null);
        }

        /** Checks and copies. */
        public Camp {
            analytics = analytics == null ? Map.of() : Map.copyOf(analytics);
            assets = List.copyOf(assets);
        }
    }

    /** Linear generator fuel curve {@code F [L/h] = f0 * rated_kw + f1 * P_out}. */
    public record FuelCurve(double f0, double f1) {
    }

    /** One row of a strapping table: tank level in millimetres and the volume in litres at that level. */
    public record StrappingPoint(double levelMm, double litres) {
    }

    /**
     * An asset. Which properties apply depends on the kind: generator (ratedKw, ratedKva, fuelCurve, supplyTankId:
     * the tank it draws from), fuel_tank (capacityL, unusableL, strapping, supplyTankId: the bulk tank it is filled
     * from), water_tank (capacityL, unusableL, strapping), pv (ratedKwp), battery (capacityKwh), vehicle
     * (fuelCapacityL, serviceIntervalH, supplyTankId: the camp tank that fuels it), weather (none).
     * {@code analytics} holds the asset's settings overrides (flat keys), which win over its camp's.
     */
    public record Asset(String id, AssetKind kind, String name, Double ratedKw, Double ratedKva, FuelCurve fuelCurve,
                        Double capacityL, Double unusableL, List<StrappingPoint> strapping, Double ratedKwp,
                        Double capacityKwh, Double fuelCapacityL, Double serviceIntervalH, String supplyTankId,
                        Map<String, Object> attributes, Map<String, String> analytics) {
        public Asset {
            strapping = strapping == null ? null : List.copyOf(strapping);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            analytics = analytics == null ? Map.of() : Map.copyOf(analytics);
        }
    }

    /** Number of camps over all missions. */
    public int campCount() {
        return missions.stream().mapToInt(m -> m.camps().size()).sum();
    }

    /** Number of assets over all camps. */
    public int assetCount() {
        return missions.stream().flatMap(m -> m.camps().stream()).mapToInt(c -> c.assets().size()).sum();
    }
}
