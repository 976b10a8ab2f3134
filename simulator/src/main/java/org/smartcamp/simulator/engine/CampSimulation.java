package org.smartcamp.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.smartcamp.simulator.model.FuelTank;
import org.smartcamp.simulator.model.Generator;
import org.smartcamp.simulator.model.PowerPlant;
import org.smartcamp.simulator.model.RandomStreams;
import org.smartcamp.simulator.model.Vehicle;
import org.smartcamp.simulator.model.WaterTank;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.TankFlow;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * One camp's physics, advanced in fixed steps from the scenario's start: weather and load, dispatch of solar,
 * battery and generators, fuel burned by the fuel curve and drawn from the tanks, transfers to day tanks,
 * refuels, thefts and leaks, vehicles and water. Everything that happens is recorded in the {@link GroundTruth};
 * the sensors read the state between steps.
 */
public final class CampSimulation {
    private final CampModel camp;
    private final Instant start;
    private final Instant end;
    private final Duration step;
    private final double dt;
    private final GroundTruth truth;
    private final FuelEvents fuelEvents;
    private final PowerEvents powerEvents;
    private final SensorFaults faults;
    private final Sensors sensors;

    /** A camp at the scenario's start ({@code scenario.header().start()}), running for its duration. */
    public CampSimulation(Scenario scenario) {
        RandomStreams random = new RandomStreams(scenario.header().seed());
        this.camp = new CampModel(scenario, random);
        this.start = scenario.header().start();
        this.end = start.plus(scenario.header().duration());
        this.step = scenario.header().step();
        this.dt = step.toMillis() / 1000.0;
        this.truth = new GroundTruth(scenario, start, end);
        this.fuelEvents = new FuelEvents(scenario.events(), start, end);
        this.powerEvents = new PowerEvents(scenario.events(), start, end);
        this.faults = new SensorFaults(scenario.events(), scenario.camp().id(), start, end, random.stream("faults"));
        this.sensors = new Sensors(camp, faults, random, start);
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public Duration step() {
        return step;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** Sets the weather at {@code t} and takes the readings due then (state at {@code t}, before the step). */
    public void observe(Instant t, ReadingSink out) {
        camp.weather.update(t, dt);
        if (t.equals(start) || t.truncatedTo(ChronoUnit.HOURS).equals(t) || t.equals(end)) {
            camp.tanks.values().forEach(tank -> truth.tankVolume(tank.assetId(), t, tank.volumeL()));
        }
        sensors.sample(t, out);
    }

    /** Advances the camp from {@code t} to {@code t + step}. */
    public void advance(Instant t) {
        double temp = camp.weather.temperatureC();
        double pumps = camp.water.stream().mapToDouble(WaterTank::pumpKw).sum();
        double load = camp.load.loadKw(t, temp, dt) + pumps;
        powerEvents.before(t, camp);
        PowerPlant.Balance b = camp.plant.step(load, camp.load.powerFactor(dt), camp.weather.irradiance(), dt);
        powerEvents.after(t, b, camp.scenario.camp().id());
        double h = dt / 3600;
        truth.campStep(t, b.loadKw() * h, b.pvKw() * h, Math.max(0, b.batteryKw()) * h,
            Math.max(0, -b.batteryKw()) * h, b.generatorKw() * h, b.unservedKw() * h);
        burn(t, temp);
        transfer(t);
        fuelEvents.apply(t, step, camp, truth);
        vehicles(t);
        for (WaterTank w : camp.water) {
            double used = w.consumedL();
            double pumped = w.pumpedL();
            w.advance(t, dt);
            truth.waterStep(w.assetId(), t, w.consumedL() - used, w.pumpedL() - pumped);
        }
        camp.tanks.values().forEach(tank -> tank.warm(temp, dt));
    }

    /** Closes the run: final tank volumes, generator starts, and the events that happened. */
    public void finish() {
        camp.generators.forEach(g -> truth.generatorStarts(g.assetId(), g.starts()));
        fuelEvents.report(truth, camp.scenario.camp().id(), end);
        powerEvents.report(truth, camp, end);
        faults.report(truth, end);
    }

    private void burn(Instant t, double temp) {
        for (Generator g : camp.generators) {
            boolean wasRunning = g.running();
            double energy = g.energyKwh();
            double litres = g.advance(dt, temp);
            truth.generatorStep(g.assetId(), t, litres, g.energyKwh() - energy, wasRunning ? dt / 3600 : 0);
            truth.generatorOutput(g.assetId(), g.outputKw());
            FuelTank tank = camp.tankOf(g);
            if (tank != null && litres > 0) {
                truth.tankFlow(tank.assetId(), t, TankFlow.CONSUMED, tank.remove(litres));
            }
        }
    }

    private void transfer(Instant t) {
        for (FuelTank tank : camp.tanks.values()) {
            if (tank.wantsFill()) {
                FuelTank from = camp.tanks.get(tank.spec().fill().from());
                double want = Math.min(tank.spec().fill().rateLph() * dt / 3600,
                    tank.spec().capacityL() - tank.volumeL());
                double moved = tank.add(from.remove(want));
                truth.tankFlow(from.assetId(), t, TankFlow.TRANSFER_OUT, moved);
                truth.tankFlow(tank.assetId(), t, TankFlow.TRANSFER_IN, moved);
            }
        }
    }

    private void vehicles(Instant t) {
        for (Vehicle v : camp.vehicles.values()) {
            double engine = v.engineHours();
            double idle = v.idleHours();
            double km = v.odometerKm();
            double fuel = v.fuelUsedL();
            v.advance(t, dt);
            truth.vehicleStep(v.assetId(), t, v.engineHours() - engine, v.idleHours() - idle, v.odometerKm() - km,
                v.fuelUsedL() - fuel);
            if (v.needsFuel()) {
                FuelTank tank = camp.tanks.get(v.spec().refuel().tank());
                double litres = v.fill(tank.remove(v.spec().fuelCapacityL() - v.fuelL()));
                truth.tankFlow(tank.assetId(), t, TankFlow.DISPENSED, litres);
                Instant done = t.plus(step);
                truth.event(new TruthEvent("vehicle_refuel", v.assetId(), t, done, litres, "from " + tank.assetId()));
            }
        }
    }
}
