package org.smartcamp.ingest.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of asset a camp has, defined once: the lower-case name is what inventory files and the database
 * ({@code asset_kinds}, referenced by {@code assets.kind}) use, the labels what people read (English and French).
 * Each kind names the inventory fields it accepts (and which of them it requires), the field linking it to the fuel
 * tank it draws from, the metric that says it is running and the metrics its sensors report by default.
 */
public enum AssetKind {
    GENERATOR("Generator", "Groupe électrogène", Set.of("rated_kw", "rated_kva", "fuel_curve", "tank"),
        Set.of("rated_kw"), "tank", Metric.ENGINE_RUNNING, List.of(Metric.POWER_ACTIVE, Metric.POWER_APPARENT,
            Metric.POWER_FACTOR, Metric.ENERGY_ACTIVE, Metric.ENGINE_RUNNING, Metric.ENGINE_HOURS,
            Metric.ENGINE_STARTS, Metric.ENGINE_COOLANT_TEMP, Metric.FUEL_RATE, Metric.FUEL_USED)),
    FUEL_TANK("Fuel tank", "Citerne de carburant", Set.of("capacity_l", "unusable_l", "strapping", "supply_tank"),
        Set.of("capacity_l"), "supply_tank", null, List.of(Metric.FUEL_LEVEL, Metric.FUEL_VOLUME, Metric.FUEL_TEMP)),
    PV("Solar array", "Champ photovoltaïque", Set.of("rated_kwp"), Set.of("rated_kwp"), null, null,
        List.of(Metric.PV_POWER, Metric.PV_ENERGY, Metric.PV_IRRADIANCE)),
    BATTERY("Battery", "Batterie", Set.of("capacity_kwh"), Set.of("capacity_kwh"), null, null,
        List.of(Metric.BATTERY_SOC, Metric.BATTERY_VOLTAGE, Metric.BATTERY_CURRENT, Metric.BATTERY_TEMP)),
    VEHICLE("Vehicle", "Véhicule", Set.of("fuel_capacity_l", "service_interval_h", "tank"), Set.of(), "tank",
        Metric.VEHICLE_IGNITION, List.of(Metric.VEHICLE_LAT, Metric.VEHICLE_LON, Metric.VEHICLE_SPEED,
            Metric.VEHICLE_IGNITION, Metric.ENGINE_HOURS, Metric.ENGINE_IDLE_HOURS, Metric.VEHICLE_ODOMETER,
            Metric.FUEL_LEVEL_PCT, Metric.FUEL_USED)),
    WATER_TANK("Water tank", "Réservoir d'eau", Set.of("capacity_l", "unusable_l", "strapping"),
        Set.of("capacity_l"), null, Metric.PUMP_RUNNING,
        List.of(Metric.WATER_LEVEL, Metric.WATER_VOLUME, Metric.PUMP_RUNNING)),
    WEATHER("Weather station", "Station météo", Set.of(), Set.of(), null, null, List.of(Metric.WEATHER_TEMP)),
    WATER_PUMP("Water pump", "Pompe à eau", Set.of("rated_kw"), Set.of(), null, Metric.PUMP_RUNNING,
        List.of(Metric.PUMP_RUNNING, Metric.PUMP_FLOW_RATE, Metric.WATER_FLOW, Metric.ENERGY_ACTIVE));

    /** The kind of an asset first seen in telemetry and not in any inventory; a row of {@code asset_kinds} too. */
    public static final String UNKNOWN_CODE = "unknown";

    private final String labelEn;
    private final String labelFr;
    private final Set<String> fields;
    private final Set<String> required;
    private final String supplyField;
    private final Metric running;
    private final List<Metric> metrics;

    AssetKind(String labelEn, String labelFr, Set<String> fields, Set<String> required, String supplyField,
              Metric running, List<Metric> metrics) {
        this.labelEn = labelEn;
        this.labelFr = labelFr;
        this.fields = fields;
        this.required = required;
        this.supplyField = supplyField;
        this.running = running;
        this.metrics = metrics;
    }

    /** A label for people in {@code language} ({@code en} or {@code fr}; English for any other). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** The name used in inventory files and in {@code assets.kind}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The inventory fields an asset of this kind may have besides the common ones (id, kind, name, ...). */
    public Set<String> inventoryFields() {
        return fields;
    }

    /** Whether an asset of this kind must have inventory field {@code field}. */
    public boolean requires(String field) {
        return required.contains(field);
    }

    /**
     * The inventory field naming the fuel tank an asset of this kind draws from (generator), is filled from (day
     * tank) or is fuelled from (vehicle), if the kind has one.
     */
    public Optional<String> supplyField() {
        return Optional.ofNullable(supplyField);
    }

    /** The metric that is 1 while an asset of this kind runs (is in use), if the kind has one. */
    public Optional<Metric> runningMetric() {
        return Optional.ofNullable(running);
    }

    /** The metrics an asset of this kind reports by default (what the simulator's sensors send). */
    public List<Metric> defaultMetrics() {
        return metrics;
    }

    /** Every kind's code, in catalogue order. */
    public static String codes() {
        return Arrays.stream(values()).map(AssetKind::code).collect(Collectors.joining(", "));
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
        throw new IllegalArgumentException("unknown asset kind '" + code + "'; one of " + codes());
    }
}
