package org.smartcamp.simulator.truth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.Reporting;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.TankSpec;

/**
 * The ground truth in the terms the analytics report (for the accuracy tests and harness): per generator and
 * whole UTC day the litres, running hours and load factor; the refuels, thefts and leaks; the true days of supply
 * of each tank and of the camp at the end of the run (volume over the rate fuel left the tanks other than by theft
 * over the last week: consumption, dispensing, leaks; a day tank's rate is what its generators burned and its
 * leak).
 */
public final class TruthFigures {
    public static final double DAY_MS = 86_400_000.0;
    private static final Duration BURN_WINDOW = Duration.ofDays(7);

    private final Scenario scenario;
    private final GroundTruth truth;

    public TruthFigures(Scenario scenario, GroundTruth truth) {
        this.scenario = scenario;
        this.truth = truth;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String assetId(String localId) {
        return scenario.camp().assetId(localId);
    }

    public Instant end() {
        return truth.end();
    }

    /** One generator's whole UTC day. */
    public record GeneratorDay(String generator, double ratedKw, Instant day, GeneratorTotals totals) {
    }

    /** Every generator's whole UTC days of the run. */
    public List<GeneratorDay> generatorDays() {
        List<GeneratorDay> out = new ArrayList<>();
        Instant lastDay = truth.end().truncatedTo(ChronoUnit.DAYS);
        for (GeneratorSpec g : scenario.plant().generators()) {
            String id = assetId(g.id());
            SortedMap<Instant, GeneratorTotals> days = new TreeMap<>();
            truth.generatorHourly(id).forEach((h, v) -> days.merge(h.truncatedTo(ChronoUnit.DAYS), v,
                (a, b) -> new GeneratorTotals(a.fuelL() + b.fuelL(), a.energyKwh() + b.energyKwh(),
                    a.runHours() + b.runHours(), a.starts() + b.starts())));
            days.headMap(lastDay).forEach((day, totals) -> out.add(new GeneratorDay(id, g.ratedKw(), day, totals)));
        }
        return out;
    }

    /** A generator's highest output in any step of the run, kW. */
    public double generatorPeakKw(String generator) {
        return truth.generatorPeakKw(generator);
    }

    /**
     * The litres burned in the camp per whole UTC day (its generators and vehicles together), for every day a
     * generator-day is reported.
     */
    public SortedMap<Instant, Double> campDailyFuel() {
        TreeMap<Instant, Double> out = new TreeMap<>();
        generatorDays().forEach(d -> out.merge(d.day(), d.totals().fuelL(), Double::sum));
        truth.vehicleBins().values().forEach(b -> b.daily().forEach((day, v) -> {
            if (out.containsKey(day)) {
                out.merge(day, v[GroundTruth.VEHICLE_FUEL], Double::sum);
            }
        }));
        return out;
    }

    /**
     * The reporting interval of the asset with local id {@code localId} (a generator, tank, PV array, battery,
     * water tank or vehicle), or {@code null} when the camp has no such asset.
     */
    public Duration reportInterval(String localId) {
        List<Reporting> found = new ArrayList<>();
        scenario.plant().generators().stream().filter(g -> g.id().equals(localId))
            .forEach(g -> found.add(g.reporting()));
        scenario.plant().tanks().stream().filter(t -> t.id().equals(localId)).forEach(t -> found.add(t.reporting()));
        scenario.plant().pv().stream().filter(p -> p.id().equals(localId)).forEach(p -> found.add(p.reporting()));
        if (scenario.plant().battery() != null && scenario.plant().battery().id().equals(localId)) {
            found.add(scenario.plant().battery().reporting());
        }
        scenario.water().stream().filter(w -> w.id().equals(localId)).forEach(w -> found.add(w.reporting()));
        scenario.vehicles().stream().filter(v -> v.id().equals(localId)).forEach(v -> found.add(v.reporting()));
        return found.isEmpty() ? null : found.get(0).interval();
    }

    /** The events of one of {@code kinds}. */
    public List<TruthEvent> events(String... kinds) {
        List<String> wanted = List.of(kinds);
        return truth.events().stream().filter(e -> wanted.contains(e.kind())).toList();
    }

    /** A leak's or a slow loss's rate, litres per day. */
    public static double ratePerDay(TruthEvent e) {
        return e.litres() / ((e.end().toEpochMilli() - e.start().toEpochMilli()) / DAY_MS);
    }

    /** The fuel tanks: asset id and whether it is a day tank. */
    public List<TankSpec> tanks() {
        return scenario.plant().tanks();
    }

    /**
     * The true days of supply of a tank at the end of the run: what it holds over the rate it is drawn on. A bulk
     * tank that fills day tanks is drawn on at the rate it and its day tanks lose fuel together (what their sets
     * burn): its own fall over the week counts whole transfers, and so moves by up to a transfer with where the
     * week starts and ends, which is the phase of the day tanks' pumps rather than the camp's burn.
     */
    public double tankDaysOfSupply(TankSpec t) {
        Instant end = truth.end();
        Instant from = end.minus(BURN_WINDOW);
        String id = assetId(t.id());
        List<String> drawn = new ArrayList<>(List.of(id));
        tanks().stream().filter(d -> d.fill() != null && t.id().equals(d.fill().from()))
            .forEach(d -> drawn.add(assetId(d.id())));
        double rate = t.fill() == null ? externalRate(drawn, from, end) : dayTankRate(t, from, end);
        return volume(id, end) / rate;
    }

    /** The true days of supply of the camp (all its tanks) at the end of the run. */
    public double campDaysOfSupply() {
        Instant end = truth.end();
        List<String> ids = tanks().stream().map(t -> assetId(t.id())).toList();
        double volume = ids.stream().mapToDouble(id -> volume(id, end)).sum();
        return volume / externalRate(ids, end.minus(BURN_WINDOW), end);
    }

    private double externalRate(List<String> tanks, Instant from, Instant to) {
        double litres = 0;
        for (String id : tanks) {
            litres += volume(id, from) - volume(id, to) + moved(id, "refuel", from, to) - moved(id, "theft", from, to);
        }
        return litres / ((to.toEpochMilli() - from.toEpochMilli()) / DAY_MS);
    }

    private double dayTankRate(TankSpec tank, Instant from, Instant to) {
        double litres = moved(assetId(tank.id()), "leak", from, to);
        for (GeneratorSpec g : scenario.plant().generators()) {
            if (tank.id().equals(g.tank())) {
                litres += truth.generatorHourly(assetId(g.id())).subMap(from, to).values().stream()
                    .mapToDouble(GeneratorTotals::fuelL).sum();
            }
        }
        return litres / ((to.toEpochMilli() - from.toEpochMilli()) / DAY_MS);
    }

    private double volume(String tank, Instant t) {
        return truth.tankVolumes(tank).get(t);
    }

    private double moved(String tank, String kind, Instant from, Instant to) {
        double sum = 0;
        for (TruthEvent e : truth.events()) {
            if (e.asset().equals(tank) && e.kind().equals(kind) && e.litres() != null) {
                long a = Math.max(from.toEpochMilli(), e.start().toEpochMilli());
                long b = Math.min(to.toEpochMilli(), e.end().toEpochMilli());
                long span = Math.max(1, e.end().toEpochMilli() - e.start().toEpochMilli());
                sum += b > a ? e.litres() * (b - a) / span : 0;
            }
        }
        return sum;
    }
}
