package org.smartcamp.simulator.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.smartcamp.simulator.scenario.Scenario;

/**
 * What really happened in a simulated camp, recorded step by step while it runs: fuel, energy and running hours
 * per generator, tank volumes and flows, vehicle use, the camp's energy balance, the events and the outages.
 * Hour and day bins are UTC. {@link GroundTruthWriter} writes it as JSON.
 */
public final class GroundTruth {
    static final int FUEL = 0;
    static final int ENERGY = 1;
    static final int RUN_H = 2;
    static final int ENGINE_H = 0;
    static final int IDLE_H = 1;
    static final int KM = 2;
    static final int VEHICLE_FUEL = 3;
    static final int WATER_USED = 0;
    static final int WATER_PUMPED = 1;
    static final String[] CAMP_FIELDS = {"load_kwh", "pv_kwh", "battery_discharge_kwh", "battery_charge_kwh",
        "generator_kwh", "unserved_kwh"};

    private final Scenario scenario;
    private final Instant start;
    private final Instant end;
    private final Map<String, Bins> generators = new LinkedHashMap<>();
    private final Map<String, Long> starts = new LinkedHashMap<>();
    private final Map<String, Double> peakKw = new LinkedHashMap<>();
    private final Map<String, Bins> tankFlows = new LinkedHashMap<>();
    private final Map<String, TreeMap<Instant, Double>> tankVolumes = new LinkedHashMap<>();
    private final Map<String, Bins> vehicles = new LinkedHashMap<>();
    private final Map<String, Bins> water = new LinkedHashMap<>();
    private final Bins camp = new Bins(CAMP_FIELDS.length);
    private final List<TruthEvent> events = new ArrayList<>();
    private final List<OutageWindow> outages = new ArrayList<>();

    public GroundTruth(Scenario scenario, Instant start, Instant end) {
        this.scenario = scenario;
        this.start = start;
        this.end = end;
    }

    /** Records one step of a generator. */
    public void generatorStep(String asset, Instant t, double fuelL, double energyKwh, double runHours) {
        Bins b = generators.computeIfAbsent(asset, a -> new Bins(3));
        b.add(t, FUEL, fuelL);
        b.add(t, ENERGY, energyKwh);
        b.add(t, RUN_H, runHours);
    }

    /** Records a generator's output in a step (its peak over the run is kept). */
    public void generatorOutput(String asset, double kw) {
        peakKw.merge(asset, kw, Math::max);
    }

    /** A generator's highest output in any step of the run, kW (0 when it never ran). */
    public double generatorPeakKw(String asset) {
        return peakKw.getOrDefault(asset, 0.0);
    }

    /** Sets how often a generator started during the run. */
    public void generatorStarts(String asset, long count) {
        starts.put(asset, count);
    }

    /** Records litres that moved into or out of a tank. */
    public void tankFlow(String asset, Instant t, TankFlow flow, double litres) {
        tankFlows.computeIfAbsent(asset, a -> new Bins(TankFlow.values().length)).add(t, flow.ordinal(), litres);
    }

    /** Records a tank's true volume at {@code t} (the start of each hour and the end of the run). */
    public void tankVolume(String asset, Instant t, double litres) {
        tankVolumes.computeIfAbsent(asset, a -> new TreeMap<>()).put(t, litres);
    }

    /** Records one step of a vehicle. */
    public void vehicleStep(String asset, Instant t, double engineHours, double idleHours, double km, double fuelL) {
        Bins b = vehicles.computeIfAbsent(asset, a -> new Bins(4));
        b.add(t, ENGINE_H, engineHours);
        b.add(t, IDLE_H, idleHours);
        b.add(t, KM, km);
        b.add(t, VEHICLE_FUEL, fuelL);
    }

    /** Records one step of a water tank. */
    public void waterStep(String asset, Instant t, double usedL, double pumpedL) {
        Bins b = water.computeIfAbsent(asset, a -> new Bins(2));
        b.add(t, WATER_USED, usedL);
        b.add(t, WATER_PUMPED, pumpedL);
    }

    /** Records one step of the camp's energy balance (kWh in the step, in {@link #CAMP_FIELDS} order). */
    public void campStep(Instant t, double... kwh) {
        for (int i = 0; i < CAMP_FIELDS.length; i++) {
            camp.add(t, i, kwh[i]);
        }
    }

    public void event(TruthEvent event) {
        events.add(event);
    }

    public void outage(OutageWindow window) {
        outages.add(window);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** A generator's totals over the run. */
    public GeneratorTotals generatorTotals(String asset) {
        Bins b = generators.get(asset);
        if (b == null) {
            throw new IllegalArgumentException("no generator " + asset);
        }
        double[] sum = b.total();
        return new GeneratorTotals(sum[FUEL], sum[ENERGY], sum[RUN_H], starts.getOrDefault(asset, 0L));
    }

    /** A generator's totals per UTC hour. */
    public SortedMap<Instant, GeneratorTotals> generatorHourly(String asset) {
        TreeMap<Instant, GeneratorTotals> out = new TreeMap<>();
        generators.get(asset).hourly().forEach((h, v) -> out.put(h, new GeneratorTotals(v[FUEL], v[ENERGY], v[RUN_H],
            0)));
        return out;
    }

    /** Litres of {@code flow} over the run for a tank. */
    public double tankFlowTotal(String asset, TankFlow flow) {
        Bins b = tankFlows.get(asset);
        return b == null ? 0 : b.total()[flow.ordinal()];
    }

    /** A tank's true volumes: at the start of every hour and at the end. */
    public SortedMap<Instant, Double> tankVolumes(String asset) {
        return Collections.unmodifiableSortedMap(tankVolumes.getOrDefault(asset, new TreeMap<>()));
    }

    /** Vehicle totals: engine hours, idle hours, km, litres. */
    public double[] vehicleTotals(String asset) {
        return vehicles.get(asset).total();
    }

    public List<TruthEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public List<OutageWindow> outages() {
        return Collections.unmodifiableList(outages);
    }

    Map<String, Bins> generatorBins() {
        return generators;
    }

    Map<String, Long> generatorStarts() {
        return starts;
    }

    Map<String, Bins> tankFlowBins() {
        return tankFlows;
    }

    Map<String, TreeMap<Instant, Double>> tankVolumeSeries() {
        return tankVolumes;
    }

    Map<String, Bins> vehicleBins() {
        return vehicles;
    }

    Map<String, Bins> waterBins() {
        return water;
    }

    Bins campBins() {
        return camp;
    }
}
