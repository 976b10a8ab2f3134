package org.smartcamp.ingest.catalogue;

import java.util.Optional;

/**
 * Every metric of wire contract v1 (docs/wire-protocol.md), defined once: its wire name, the canonical unit values
 * are stored in (with the aliases a gateway may send instead, {@link Unit}), how it behaves over time, what one
 * reading stands for and a description in English and French. The database's {@code metrics} rows are seeded from
 * this list ({@code CatalogueSeeder}, in English); a metric a gateway sends that is not here is stored as
 * unregistered.
 *
 * <p>A metric marked {@link #personal()} is personal data (a vehicle's position says where its driver was): the
 * API serves it only to callers granted {@code location} for the camp, audits every read of it, and the store keeps
 * it for a shorter retention than other readings (docs/privacy.md).
 */
public enum Metric {
    POWER_ACTIVE("power.active", Unit.KW, MetricKind.GAUGE, Sampling.AVERAGED, "Active power output",
        "Puissance active produite"),
    POWER_APPARENT("power.apparent", Unit.KVA, MetricKind.GAUGE, Sampling.AVERAGED, "Apparent power",
        "Puissance apparente"),
    POWER_FACTOR("power.factor", Unit.RATIO, MetricKind.GAUGE, Sampling.AVERAGED, "Power factor P/S",
        "Facteur de puissance P/S"),
    ENERGY_ACTIVE("energy.active", Unit.KWH, MetricKind.COUNTER, Sampling.INSTANT, "Active energy counter",
        "Compteur d’énergie active"),
    ENGINE_RUNNING("engine.running", Unit.BOOL, MetricKind.STATE, Sampling.INSTANT,
        "1 while the engine runs, 0 when stopped",
        "1 quand le moteur tourne, 0 à l’arrêt"),
    ENGINE_HOURS("engine.hours", Unit.HOUR, MetricKind.COUNTER, Sampling.INSTANT, "Engine run-hours counter",
        "Compteur d’heures de marche du moteur"),
    ENGINE_IDLE_HOURS("engine.idle_hours", Unit.HOUR, MetricKind.COUNTER, Sampling.INSTANT,
        "Engine idle-hours counter",
        "Compteur d’heures de ralenti du moteur"),
    ENGINE_STARTS("engine.starts", Unit.COUNT, MetricKind.COUNTER, Sampling.INSTANT, "Engine starts counter",
        "Compteur de démarrages du moteur"),
    ENGINE_COOLANT_TEMP("engine.coolant_temp", Unit.DEGREE_CELSIUS, MetricKind.GAUGE, Sampling.INSTANT,
        "Coolant temperature",
        "Température du liquide de refroidissement"),
    ENGINE_OIL_PRESSURE("engine.oil_pressure", Unit.KILOPASCAL, MetricKind.GAUGE, Sampling.INSTANT, "Oil pressure",
        "Pression d’huile"),
    FUEL_RATE("fuel.rate", Unit.LITRE_PER_HOUR, MetricKind.GAUGE, Sampling.AVERAGED, "Fuel flow rate",
        "Débit de carburant"),
    FUEL_USED("fuel.used", Unit.LITRE, MetricKind.COUNTER, Sampling.INSTANT,
        "Cumulative fuel through the flow meter",
        "Carburant cumulé passé par le débitmètre"),
    FUEL_LEVEL("fuel.level", Unit.MILLIMETRE, MetricKind.GAUGE, Sampling.INSTANT, "Fuel level in the tank",
        "Niveau de carburant dans la citerne"),
    FUEL_LEVEL_PCT("fuel.level_pct", Unit.PERCENT, MetricKind.GAUGE, Sampling.INSTANT,
        "Fuel level as a share of capacity",
        "Niveau de carburant en part de la capacité"),
    FUEL_VOLUME("fuel.volume", Unit.LITRE, MetricKind.GAUGE, Sampling.INSTANT,
        "Fuel volume, through the strapping table",
        "Volume de carburant, par la table de jaugeage"),
    FUEL_TEMP("fuel.temp", Unit.DEGREE_CELSIUS, MetricKind.GAUGE, Sampling.INSTANT, "Fuel temperature",
        "Température du carburant"),
    TANK_HATCH_OPEN("tank.hatch_open", Unit.BOOL, MetricKind.STATE, Sampling.INSTANT,
        "1 while the tank hatch is open",
        "1 quand la trappe de la citerne est ouverte"),
    PV_POWER("pv.power", Unit.KW, MetricKind.GAUGE, Sampling.AVERAGED, "PV inverter AC output",
        "Puissance AC de l’onduleur photovoltaïque"),
    PV_ENERGY("pv.energy", Unit.KWH, MetricKind.COUNTER, Sampling.INSTANT, "PV energy counter",
        "Compteur d’énergie photovoltaïque"),
    PV_IRRADIANCE("pv.irradiance", Unit.WATT_PER_M2, MetricKind.GAUGE, Sampling.AVERAGED,
        "Plane-of-array irradiance",
        "Éclairement dans le plan des panneaux"),
    BATTERY_SOC("battery.soc", Unit.PERCENT, MetricKind.GAUGE, Sampling.INSTANT, "Battery state of charge",
        "État de charge de la batterie"),
    BATTERY_VOLTAGE("battery.voltage", Unit.VOLT, MetricKind.GAUGE, Sampling.INSTANT, "Battery voltage",
        "Tension de la batterie"),
    BATTERY_CURRENT("battery.current", Unit.AMPERE, MetricKind.GAUGE, Sampling.AVERAGED,
        "Battery current, positive when discharging",
        "Courant de la batterie, positif en décharge"),
    BATTERY_TEMP("battery.temp", Unit.DEGREE_CELSIUS, MetricKind.GAUGE, Sampling.INSTANT, "Battery temperature",
        "Température de la batterie"),
    WATER_LEVEL("water.level", Unit.MILLIMETRE, MetricKind.GAUGE, Sampling.INSTANT, "Water level in the tank",
        "Niveau d’eau dans le réservoir"),
    WATER_VOLUME("water.volume", Unit.LITRE, MetricKind.GAUGE, Sampling.INSTANT,
        "Water volume, through the strapping table",
        "Volume d’eau, par la table de jaugeage"),
    WATER_FLOW("water.flow", Unit.LITRE, MetricKind.COUNTER, Sampling.INSTANT,
        "Cumulative water through the flow meter",
        "Eau cumulée passée par le débitmètre"),
    PUMP_RUNNING("pump.running", Unit.BOOL, MetricKind.STATE, Sampling.INSTANT, "1 while the pump runs",
        "1 quand la pompe tourne"),
    PUMP_FLOW_RATE("pump.flow_rate", Unit.LITRE_PER_HOUR, MetricKind.GAUGE, Sampling.AVERAGED,
        "Water flow rate through the pump",
        "Débit d’eau de la pompe"),
    VEHICLE_LAT("vehicle.lat", Unit.DEGREE, MetricKind.GAUGE, Sampling.INSTANT, "GPS latitude (WGS 84)",
        "Latitude GPS (WGS 84)", Personal.YES),
    VEHICLE_LON("vehicle.lon", Unit.DEGREE, MetricKind.GAUGE, Sampling.INSTANT, "GPS longitude (WGS 84)",
        "Longitude GPS (WGS 84)", Personal.YES),
    VEHICLE_SPEED("vehicle.speed", Unit.KM_PER_HOUR, MetricKind.GAUGE, Sampling.INSTANT, "Ground speed",
        "Vitesse au sol"),
    VEHICLE_IGNITION("vehicle.ignition", Unit.BOOL, MetricKind.STATE, Sampling.INSTANT,
        "1 while the ignition is on",
        "1 quand le contact est mis"),
    VEHICLE_ODOMETER("vehicle.odometer", Unit.KILOMETRE, MetricKind.COUNTER, Sampling.INSTANT, "Odometer",
        "Compteur kilométrique"),
    WEATHER_TEMP("weather.temp", Unit.DEGREE_CELSIUS, MetricKind.GAUGE, Sampling.INSTANT,
        "Ambient air temperature",
        "Température de l’air ambiant");

    private final String wireName;
    private final Unit unit;
    private final MetricKind kind;
    private final Sampling sampling;
    private final String description;
    private final String descriptionFr;
    private final boolean personal;

    /** Whether a metric is personal data; a type rather than a bare boolean so the catalogue reads plainly. */
    private enum Personal { YES, NO }

    Metric(String wireName, Unit unit, MetricKind kind, Sampling sampling, String description, String descriptionFr) {
        this(wireName, unit, kind, sampling, description, descriptionFr, Personal.NO);
    }

    Metric(String wireName, Unit unit, MetricKind kind, Sampling sampling, String description, String descriptionFr,
           Personal personal) {
        this.wireName = wireName;
        this.unit = unit;
        this.kind = kind;
        this.sampling = sampling;
        this.description = description;
        this.descriptionFr = descriptionFr;
        this.personal = personal == Personal.YES;
    }

    /** The name on the wire and in {@code metrics.name}, e.g. {@code power.active}. */
    public String wireName() {
        return wireName;
    }

    /** The canonical unit, e.g. {@link Unit#KW}. */
    public Unit unit() {
        return unit;
    }

    public MetricKind kind() {
        return kind;
    }

    public Sampling sampling() {
        return sampling;
    }

    /** The description in English, as seeded into {@code metrics.description}. */
    public String description() {
        return description;
    }

    /**
     * Whether readings of this metric are personal data (positions): served only with the {@code location} grant,
     * audited, and kept for the shorter personal retention. Seeded to {@code metrics.personal}.
     */
    public boolean personal() {
        return personal;
    }

    /** The description for people in {@code language} ({@code en} or {@code fr}; English for any other). */
    public String label(String language) {
        return "fr".equalsIgnoreCase(language) ? descriptionFr : description;
    }

    /** The metric named {@code wireName} on the wire, if the catalogue has it. */
    public static Optional<Metric> of(String wireName) {
        for (Metric m : values()) {
            if (m.wireName.equals(wireName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
