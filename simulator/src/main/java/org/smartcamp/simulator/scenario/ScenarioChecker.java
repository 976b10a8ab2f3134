package org.smartcamp.simulator.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.smartcamp.ingest.catalogue.AssetKind;

/** The checks that span sections: unique ids, and every reference to a tank, gateway or asset resolves. */
final class ScenarioChecker {
    /** Local id of the weather station. */
    static final String WEATHER_ID = "wx";

    private final Scenario scenario;
    private final ScenarioNode root;
    private final Map<String, AssetKind> kinds = new HashMap<>();
    private final Set<String> gateways = new HashSet<>();

    ScenarioChecker(Scenario scenario, ScenarioNode root) {
        this.scenario = scenario;
        this.root = root;
    }

    void check() {
        scenario.gateways().forEach(g -> {
            if (!gateways.add(g.id())) {
                throw root.error("gateways", "gateway id '" + g.id() + "' is used twice");
            }
        });
        kinds.put(WEATHER_ID, AssetKind.WEATHER);
        checkGateway("weather", scenario.environment().weather().reporting());
        PowerPlantSpec plant = scenario.plant();
        each("generators", plant.generators(), AssetKind.GENERATOR, GeneratorSpec::id, GeneratorSpec::reporting);
        each("tanks", plant.tanks(), AssetKind.FUEL_TANK, TankSpec::id, TankSpec::reporting);
        each("pv", plant.pv(), AssetKind.PV, PvSpec::id, PvSpec::reporting);
        if (plant.battery() != null) {
            each("battery", List.of(plant.battery()), AssetKind.BATTERY, BatterySpec::id,
                BatterySpec::reporting);
        }
        each("vehicles", scenario.vehicles(), AssetKind.VEHICLE, VehicleSpec::id, VehicleSpec::reporting);
        each("water_tanks", scenario.water(), AssetKind.WATER_TANK, WaterTankSpec::id, WaterTankSpec::reporting);
        each("water_tanks[].pump", scenario.water().stream().filter(w -> w.pump().id() != null).toList(),
            AssetKind.WATER_PUMP, w -> w.pump().id(), WaterTankSpec::reporting);
        checkReferences(plant);
        for (int i = 0; i < scenario.events().size(); i++) {
            checkEvent("events[" + i + "]", scenario.events().get(i));
        }
    }

    private <T> void each(String section, List<T> specs, AssetKind kind, Function<T, String> id,
                          Function<T, Reporting> reporting) {
        for (int i = 0; i < specs.size(); i++) {
            String path = section + (section.equals("battery") ? "" : "[" + i + "]");
            String local = id.apply(specs.get(i));
            if (kinds.put(local, kind) != null) {
                throw root.error(path + ".id", "asset id '" + local + "' is used twice in this camp");
            }
            if (scenario.camp().assetId(local).length() > 64) {
                throw root.error(path + ".id", "'" + scenario.camp().assetId(local) + "' is longer than 64");
            }
            checkGateway(path, reporting.apply(specs.get(i)));
        }
    }

    private void checkGateway(String path, Reporting reporting) {
        if (!gateways.contains(reporting.gateway())) {
            throw root.error(path + ".gateway", "no gateway '" + reporting.gateway() + "' in gateways");
        }
    }

    private void checkReferences(PowerPlantSpec plant) {
        for (int i = 0; i < plant.generators().size(); i++) {
            String tank = plant.generators().get(i).tank();
            if (tank != null) {
                requireKind("generators[" + i + "].tank", tank, AssetKind.FUEL_TANK);
            }
        }
        for (int i = 0; i < plant.tanks().size(); i++) {
            TankSpec t = plant.tanks().get(i);
            if (t.fill() != null) {
                requireKind("tanks[" + i + "].fill.from", t.fill().from(), AssetKind.FUEL_TANK);
                if (t.fill().from().equals(t.id())) {
                    throw root.error("tanks[" + i + "].fill.from", "a tank cannot fill itself");
                }
            }
        }
        for (int i = 0; i < scenario.vehicles().size(); i++) {
            VehicleSpec v = scenario.vehicles().get(i);
            if (v.refuel() != null) {
                requireKind("vehicles[" + i + "].refuel.tank", v.refuel().tank(), AssetKind.FUEL_TANK);
            }
        }
    }

    private void checkEvent(String path, EventSpec e) {
        if (e instanceof OutageEvent || e instanceof DuplicateEvent) {
            if (!gateways.contains(e.target())) {
                throw root.error(path + ".gateway", "no gateway '" + e.target() + "' in gateways");
            }
        } else if (e instanceof GeneratorStopEvent) {
            requireKind(path + ".asset", e.target(), AssetKind.GENERATOR);
        } else if (e instanceof RefuelEvent || e instanceof LeakEvent) {
            requireKind(path + ".asset", e.target(), AssetKind.FUEL_TANK);
        } else if (e instanceof TheftEvent) {
            AssetKind k = kinds.get(e.target());
            if (k != AssetKind.FUEL_TANK && k != AssetKind.VEHICLE) {
                throw root.error(path + ".asset", "'" + e.target() + "' is not a fuel tank or vehicle of this camp");
            }
        } else if (e instanceof SensorFaultEvent f) {
            AssetKind k = kinds.get(f.target());
            if (k == null) {
                throw root.error(path + ".asset", "no asset '" + f.target() + "' in this camp");
            }
            if (f.metric() != null && k.defaultMetrics().stream().noneMatch(m -> m.wireName().equals(f.metric()))) {
                throw root.error(path + ".metric", "a " + k.code() + " has no metric '" + f.metric() + "'");
            }
        }
    }

    private void requireKind(String path, String local, AssetKind kind) {
        if (kinds.get(local) != kind) {
            throw root.error(path, "'" + local + "' is not a " + kind.code() + " of this camp");
        }
    }
}
