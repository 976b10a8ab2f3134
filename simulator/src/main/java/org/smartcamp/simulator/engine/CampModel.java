package org.smartcamp.simulator.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.simulator.model.Battery;
import org.smartcamp.simulator.model.FuelTank;
import org.smartcamp.simulator.model.Generator;
import org.smartcamp.simulator.model.LoadModel;
import org.smartcamp.simulator.model.LocalTime;
import org.smartcamp.simulator.model.PowerPlant;
import org.smartcamp.simulator.model.PvArray;
import org.smartcamp.simulator.model.RandomStreams;
import org.smartcamp.simulator.model.Vehicle;
import org.smartcamp.simulator.model.WaterTank;
import org.smartcamp.simulator.model.Weather;
import org.smartcamp.simulator.scenario.CampSpec;
import org.smartcamp.simulator.scenario.Scenario;

/** The physical models of one camp, built from its scenario, looked up by local id where events need them. */
final class CampModel {
    final Scenario scenario;
    final LocalTime local;
    final Weather weather;
    final LoadModel load;
    final List<Generator> generators;
    final Map<String, FuelTank> tanks = new LinkedHashMap<>();
    final List<PvArray> pv;
    final Battery battery;
    final PowerPlant plant;
    final Map<String, Vehicle> vehicles = new LinkedHashMap<>();
    final List<WaterTank> water;

    CampModel(Scenario scenario, RandomStreams random) {
        this.scenario = scenario;
        CampSpec camp = scenario.camp();
        this.local = new LocalTime(camp.longitude());
        this.weather = new Weather(scenario.environment().weather(), local, random.stream("weather"));
        this.load = new LoadModel(scenario.environment().load(), camp.population(), local, random.stream("load"));
        this.generators = scenario.plant().generators().stream()
            .map(g -> new Generator(g, camp.assetId(g.id()))).toList();
        scenario.plant().tanks().forEach(t -> tanks.put(t.id(), new FuelTank(t, camp.assetId(t.id()))));
        this.pv = scenario.plant().pv().stream().map(p -> new PvArray(p, camp.assetId(p.id()))).toList();
        this.battery = scenario.plant().battery() == null ? null
            : new Battery(scenario.plant().battery(), camp.assetId(scenario.plant().battery().id()));
        this.plant = new PowerPlant(scenario.plant().dispatch(), generators, pv, battery);
        scenario.vehicles().forEach(v -> vehicles.put(v.id(), new Vehicle(v, camp.assetId(v.id()),
            camp.latitude(), camp.longitude(), local, random.stream("vehicle:" + v.id()))));
        this.water = scenario.water().stream()
            .map(w -> new WaterTank(w, camp.assetId(w.id()), w.pump().id() == null ? null : camp.assetId(w.pump().id()),
                camp.population(), local)).toList();
    }

    /** The tank that feeds {@code g}, or {@code null}. */
    FuelTank tankOf(Generator g) {
        return g.spec().tank() == null ? null : tanks.get(g.spec().tank());
    }
}
