package org.smartcamp.ingest.catalogue;

import java.util.Locale;

/**
 * Every figure the analytics store ({@code analytics_hourly}, {@code analytics_daily}, {@code analytics_current}),
 * defined once: its stored name, its unit, the analysis it belongs to and a label for people in English and French.
 * A figure of one metric ({@link #perMetric()}) is stored as its name, a separator and the metric's name, e.g.
 * {@code completeness.fuel.volume}.
 */
public enum Figure {
    FUEL_CONSUMED_L("fuel_consumed_l", "L", FigureFamily.FUEL, "Fuel consumed", "Carburant consommé"),
    CO2_KG("co2_kg", "kg", FigureFamily.FUEL, "CO₂ emitted", "CO₂ émis"),
    REFUEL_L("refuel_l", "L", FigureFamily.FUEL, "Fuel delivered", "Carburant livré"),
    LOSS_L("loss_l", "L", FigureFamily.FUEL, "Fuel lost", "Carburant perdu"),
    FUEL_RESIDUAL_L("fuel_residual_l", "L", FigureFamily.FUEL, "Fuel unaccounted for (tank account)",
        "Carburant non justifié (bilan de cuve)"),
    DAYS_OF_SUPPLY("days_of_supply", "d", FigureFamily.FUEL, "Days of supply", "Jours d'autonomie"),
    REORDER_DATE("reorder_date", "date", FigureFamily.FUEL, "Reorder by", "Commander avant le"),

    ENERGY_KWH("energy_kwh", "kWh", FigureFamily.POWER, "Energy produced", "Énergie produite"),
    RUNNING_H("running_h", "h", FigureFamily.POWER, "Running time", "Durée de marche"),
    STARTS("starts", "count", FigureFamily.POWER, "Starts", "Démarrages"),
    LOAD_FACTOR_AVG("load_factor_avg", "1", FigureFamily.POWER, "Mean load factor", "Taux de charge moyen"),
    FUEL_L("fuel_l", "L", FigureFamily.POWER, "Fuel burned", "Carburant brûlé"),
    FUEL_EXPECTED_L("fuel_expected_l", "L", FigureFamily.POWER, "Fuel expected", "Carburant attendu"),
    SFC_L_PER_KWH("sfc_l_per_kwh", "L/kWh", FigureFamily.POWER, "Specific fuel consumption",
        "Consommation spécifique"),
    SFC_EXPECTED_L_PER_KWH("sfc_expected_l_per_kwh", "L/kWh", FigureFamily.POWER,
        "Expected specific fuel consumption", "Consommation spécifique attendue"),
    LOW_LOAD_H("low_load_h", "h", FigureFamily.POWER, "Time at low load", "Durée à faible charge"),
    WET_STACKING_H("wet_stacking_h", "h", FigureFamily.POWER, "Time at wet-stacking risk",
        "Durée à risque d'encrassement"),
    HIGH_LOAD_H("high_load_h", "h", FigureFamily.POWER, "Time at high load (within the rating)",
        "Durée à forte charge (dans la puissance assignée)"),
    OVERLOAD_H("overload_h", "h", FigureFamily.POWER, "Time above the rating",
        "Durée au-delà de la puissance assignée"),
    TARGET_BAND_H("target_band_h", "h", FigureFamily.POWER, "Time in the target load band",
        "Durée dans la plage de charge cible"),
    LOW_LOAD_FUEL_PENALTY_L("low_load_fuel_penalty_l", "L", FigureFamily.POWER, "Extra fuel burned at low load",
        "Surconsommation à faible charge"),
    GENERATOR_KWH("generator_kwh", "kWh", FigureFamily.POWER, "Energy from generators", "Énergie des groupes"),
    PV_KWH("pv_kwh", "kWh", FigureFamily.POWER, "Solar energy", "Énergie solaire"),
    BATTERY_DISCHARGE_KWH("battery_discharge_kwh", "kWh", FigureFamily.POWER, "Battery discharge",
        "Décharge des batteries"),
    BATTERY_CHARGE_KWH("battery_charge_kwh", "kWh", FigureFamily.POWER, "Battery charge", "Charge des batteries"),
    LOAD_KWH("load_kwh", "kWh", FigureFamily.POWER, "Energy consumed", "Énergie consommée"),
    RENEWABLE_FRACTION("renewable_fraction", "1", FigureFamily.POWER, "Renewable share", "Part renouvelable"),
    DIESEL_DISPLACED_L("diesel_displaced_l", "L", FigureFamily.POWER, "Diesel saved by solar",
        "Gazole économisé grâce au solaire"),
    BATTERY_CYCLES("battery_cycles", "1", FigureFamily.POWER, "Battery cycles", "Cycles de batterie"),
    AVAILABILITY("availability", "1", FigureFamily.POWER, "Power availability", "Disponibilité de l'alimentation"),
    OUTAGE_H("outage_h", "h", FigureFamily.POWER, "Outage time", "Durée des coupures"),
    REQUIRED_CAPACITY_KW("required_capacity_kw", "kW", FigureFamily.POWER, "Required generating capacity",
        "Puissance de production requise"),
    N_PLUS_ONE_MET("n_plus_one_met", "bool", FigureFamily.POWER, "N+1 redundancy met", "Redondance N+1 assurée"),
    CONSOLIDATION_SAVING_L_PER_DAY("consolidation_saving_l_per_day", "L/d", FigureFamily.POWER,
        "Fuel saved by running fewer sets", "Carburant économisé avec moins de groupes"),
    DOWNSIZING_SAVING_L_PER_DAY("downsizing_saving_l_per_day", "L/d", FigureFamily.POWER,
        "Fuel saved by smaller sets", "Carburant économisé avec des groupes plus petits"),

    ENGINE_H("engine_h", "h", FigureFamily.USAGE, "Engine hours", "Heures moteur"),
    IDLE_H("idle_h", "h", FigureFamily.USAGE, "Idle hours", "Heures au ralenti"),
    UTILIZATION_PCT("utilization_pct", "%", FigureFamily.USAGE, "Utilization", "Taux d'utilisation"),
    IDLE_RATIO("idle_ratio", "1", FigureFamily.USAGE, "Share of engine time idling", "Part du temps au ralenti"),
    DISTANCE_KM("distance_km", "km", FigureFamily.USAGE, "Distance driven", "Distance parcourue"),
    FUEL_USED_L("fuel_used_l", "L", FigureFamily.USAGE, "Fuel used", "Carburant utilisé"),
    L_PER_100KM("l_per_100km", "L/100km", FigureFamily.USAGE, "Fuel per 100 km", "Consommation aux 100 km"),
    L_PER_ENGINE_H("l_per_engine_h", "L/h", FigureFamily.USAGE, "Fuel per engine hour",
        "Carburant par heure moteur"),
    IDLE_L("idle_l", "L", FigureFamily.USAGE, "Fuel burned idling", "Carburant brûlé au ralenti"),
    HOURS_TO_SERVICE("hours_to_service", "h", FigureFamily.USAGE, "Engine hours to the next service",
        "Heures moteur avant la prochaine révision"),
    DAYS_UNUSED("days_unused", "d", FigureFamily.USAGE, "Days since last use", "Jours depuis la dernière utilisation"),
    IDLE_RATE_LPH("idle_rate_lph", "L/h", FigureFamily.USAGE, "Idle fuel rate", "Débit de carburant au ralenti"),
    PUMP_H("pump_h", "h", FigureFamily.USAGE, "Pumping hours", "Heures de pompage"),
    WATER_PUMPED_L("water_pumped_l", "L", FigureFamily.USAGE, "Water pumped", "Eau pompée"),

    COMPLETENESS("completeness", "1", FigureFamily.QUALITY, "Data completeness", "Complétude des données"),
    COMPLETENESS_OF_METRIC("completeness", ".", "1", FigureFamily.QUALITY, "Completeness", "Complétude"),
    LAST_SEEN_AGE_S("last_seen_age_s", ":", "s", FigureFamily.QUALITY, "Time since the last reading",
        "Temps depuis la dernière mesure");

    private final String id;
    private final String separator;
    private final String unit;
    private final FigureFamily family;
    private final String labelEn;
    private final String labelFr;

    Figure(String id, String unit, FigureFamily family, String labelEn, String labelFr) {
        this(id, null, unit, family, labelEn, labelFr);
    }

    Figure(String id, String separator, String unit, FigureFamily family, String labelEn, String labelFr) {
        this.id = id;
        this.separator = separator;
        this.unit = unit;
        this.family = family;
        this.labelEn = labelEn;
        this.labelFr = labelFr;
    }

    /** The stored name, e.g. {@code fuel_consumed_l}; of a per-metric figure, the part before the metric. */
    public String id() {
        return id;
    }

    /** Whether the stored name carries a metric after {@link #separator()}. */
    public boolean perMetric() {
        return separator != null;
    }

    /** What stands between the name and the metric of a per-metric figure, or {@code null}. */
    public String separator() {
        return separator;
    }

    /** The stored name of this figure for {@code metric}, e.g. {@code completeness.fuel.volume}. */
    public String of(String metric) {
        if (!perMetric()) {
            throw new IllegalStateException(id + " is not a figure of one metric");
        }
        return id + separator + metric;
    }

    /**
     * The unit its values are stored in: a unit symbol ({@code L}, {@code kWh}, {@code L/d}, ...), {@code 1} for a
     * ratio 0..1, {@code bool} for 0 or 1, {@code count}, or {@code date} for an epoch day (days since 1970-01-01).
     */
    public String unit() {
        return unit;
    }

    public FigureFamily family() {
        return family;
    }

    /** A label for people in {@code language} ({@code en} or {@code fr}; English for any other). */
    public String label(String language) {
        return "fr".equals(language.toLowerCase(Locale.ROOT)) ? labelFr : labelEn;
    }
}
