package org.smartcamp.analytics.fuel;

import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.TankSpec;
import org.smartcamp.simulator.scenario.VehicleSpec;

/** A simulated camp as the fuel analytics' input: its assets' parameters from the scenario, readings as stored. */
final class SimulatedFuelInput {
    private SimulatedFuelInput() {
    }

    /** The input of {@code camp} with {@code settings}, forecasts as of the end of the run, no delivery records. */
    static CampFuelInput of(SimulatedCamp camp, FuelSettings settings) {
        Scenario s = camp.scenario();
        return new CampFuelInput(s.camp().id(), settings,
            s.plant().generators().stream().map(g -> generator(camp, g)).toList(),
            s.plant().tanks().stream().map(t -> tank(camp, t)).toList(),
            s.vehicles().stream().map(v -> vehicle(camp, v)).toList(), List.of(), camp.truth().end());
    }

    static CampFuelInput.Generator generator(SimulatedCamp camp, GeneratorSpec g) {
        String id = camp.assetId(g.id());
        return new CampFuelInput.Generator(
            new GeneratorParams(id, g.ratedKw(), g.curve().f0(), g.curve().f1(), g.flowMeter()),
            new GeneratorReadings(camp.series(id, "fuel.used"), camp.series(id, "energy.active"),
                camp.series(id, "engine.hours"), camp.series(id, "power.active"), camp.series(id, "engine.running")),
            Map.of());
    }

    static CampFuelInput.Tank tank(SimulatedCamp camp, TankSpec t) {
        String id = camp.assetId(t.id());
        Scenario s = camp.scenario();
        List<String> generators = s.plant().generators().stream().filter(g -> t.id().equals(g.tank()))
            .map(g -> camp.assetId(g.id())).toList();
        List<String> vehicles = s.vehicles().stream()
            .filter(v -> v.refuel() != null && t.id().equals(v.refuel().tank())).map(v -> camp.assetId(v.id()))
            .toList();
        String fillsFrom = t.fill() == null ? null : camp.assetId(t.fill().from());
        return new CampFuelInput.Tank(new TankParams(id, t.capacityL(), 0, null, generators, fillsFrom, vehicles),
            new TankReadings(camp.series(id, "fuel.volume"), camp.series(id, "fuel.level"),
                camp.series(id, "fuel.temp")), Map.of());
    }

    static CampFuelInput.Vehicle vehicle(SimulatedCamp camp, VehicleSpec v) {
        String id = camp.assetId(v.id());
        return new CampFuelInput.Vehicle(new VehicleParams(id, v.fuelCapacityL()),
            new VehicleReadings(camp.series(id, "fuel.level_pct"), camp.series(id, "fuel.used"),
                camp.series(id, "engine.idle_hours")), Map.of());
    }
}
