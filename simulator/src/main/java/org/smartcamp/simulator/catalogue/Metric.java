package org.smartcamp.simulator.catalogue;

import java.util.Arrays;
import java.util.Optional;
import org.smartcamp.ingest.catalogue.AssetKind;

/** The metric catalogue: every metric the simulated sensors report, with its wire name, unit and asset kind. */
public enum Metric {
    GEN_POWER_ACTIVE(AssetKind.GENERATOR, "power.active", "kW"),
    GEN_POWER_APPARENT(AssetKind.GENERATOR, "power.apparent", "kVA"),
    GEN_POWER_FACTOR(AssetKind.GENERATOR, "power.factor", "1"),
    GEN_ENERGY_ACTIVE(AssetKind.GENERATOR, "energy.active", "kWh"),
    GEN_RUNNING(AssetKind.GENERATOR, "engine.running", "bool"),
    GEN_ENGINE_HOURS(AssetKind.GENERATOR, "engine.hours", "h"),
    GEN_STARTS(AssetKind.GENERATOR, "engine.starts", "count"),
    GEN_COOLANT_TEMP(AssetKind.GENERATOR, "engine.coolant_temp", "degC"),
    GEN_FUEL_RATE(AssetKind.GENERATOR, "fuel.rate", "L/h"),
    GEN_FUEL_USED(AssetKind.GENERATOR, "fuel.used", "L"),
    TANK_LEVEL(AssetKind.FUEL_TANK, "fuel.level", "mm"),
    TANK_VOLUME(AssetKind.FUEL_TANK, "fuel.volume", "L"),
    TANK_TEMP(AssetKind.FUEL_TANK, "fuel.temp", "degC"),
    PV_POWER(AssetKind.PV, "pv.power", "kW"),
    PV_ENERGY(AssetKind.PV, "pv.energy", "kWh"),
    PV_IRRADIANCE(AssetKind.PV, "pv.irradiance", "W/m2"),
    BATTERY_SOC(AssetKind.BATTERY, "battery.soc", "%"),
    BATTERY_VOLTAGE(AssetKind.BATTERY, "battery.voltage", "V"),
    BATTERY_CURRENT(AssetKind.BATTERY, "battery.current", "A"),
    BATTERY_TEMP(AssetKind.BATTERY, "battery.temp", "degC"),
    WATER_LEVEL(AssetKind.WATER_TANK, "water.level", "mm"),
    WATER_VOLUME(AssetKind.WATER_TANK, "water.volume", "L"),
    PUMP_RUNNING(AssetKind.WATER_TANK, "pump.running", "bool"),
    VEHICLE_LAT(AssetKind.VEHICLE, "vehicle.lat", "deg"),
    VEHICLE_LON(AssetKind.VEHICLE, "vehicle.lon", "deg"),
    VEHICLE_SPEED(AssetKind.VEHICLE, "vehicle.speed", "km/h"),
    VEHICLE_IGNITION(AssetKind.VEHICLE, "vehicle.ignition", "bool"),
    VEHICLE_ENGINE_HOURS(AssetKind.VEHICLE, "engine.hours", "h"),
    VEHICLE_IDLE_HOURS(AssetKind.VEHICLE, "engine.idle_hours", "h"),
    VEHICLE_ODOMETER(AssetKind.VEHICLE, "vehicle.odometer", "km"),
    VEHICLE_FUEL_LEVEL(AssetKind.VEHICLE, "fuel.level_pct", "%"),
    VEHICLE_FUEL_USED(AssetKind.VEHICLE, "fuel.used", "L"),
    WEATHER_TEMP(AssetKind.WEATHER, "weather.temp", "degC");

    private final AssetKind kind;
    private final String wireName;
    private final String unit;

    Metric(AssetKind kind, String wireName, String unit) {
        this.kind = kind;
        this.wireName = wireName;
        this.unit = unit;
    }

    public AssetKind kind() {
        return kind;
    }

    /** The metric name on the wire, e.g. {@code power.active}. */
    public String wireName() {
        return wireName;
    }

    /** The unit sent with every reading, e.g. {@code kW}. */
    public String unit() {
        return unit;
    }

    /** The metric of {@code kind} named {@code wireName}, if the catalogue has it. */
    public static Optional<Metric> find(AssetKind kind, String wireName) {
        return Arrays.stream(values()).filter(m -> m.kind == kind && m.wireName.equals(wireName)).findFirst();
    }
}
