package org.smartcamp.analytics.power;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.simulator.scenario.BatterySpec;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.PvSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.GroundTruthWriter;

/**
 * The bundled scenarios simulated once per (scenario, seed) for the accuracy tests of power, assets and quality
 * (a week of each takes seconds of CPU, so the runs are shared), and the plant and readings the analytics take.
 */
public final class SimulatedCamps {
    /** The bundled scenarios. */
    public static final List<String> SCENARIOS = List.of("small-outpost", "battalion-camp", "logistics-hub");
    /** Seeds every accuracy test runs with: the scenario's own (null) and two more. */
    public static final List<Long> SEEDS = java.util.Arrays.asList(null, 101L, 202L);

    private static final Map<String, SimulatedCamp> RUNS = new ConcurrentHashMap<>();

    private SimulatedCamps() {
    }

    /** Every (scenario, seed) pair, as arguments of a parameterized test. */
    public static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            for (Long seed : SEEDS) {
                out.add(Arguments.of(scenario, seed));
            }
        }
        return out.stream();
    }

    /** The scenario simulated with {@code seed} (null: its own) over its default week. */
    public static SimulatedCamp camp(String scenario, Long seed) {
        return RUNS.computeIfAbsent(scenario + "/" + seed, k -> SimulatedCamp.run(scenario, seed, null));
    }

    /** The camp's power plant as the analytics see it. */
    public static CampPlant plant(SimulatedCamp c) {
        Scenario s = c.scenario();
        List<GeneratorRating> gens = new ArrayList<>();
        for (GeneratorSpec g : s.plant().generators()) {
            gens.add(new GeneratorRating(c.assetId(g.id()), g.ratedKw(), g.curve().f0(), g.curve().f1()));
        }
        List<CampPlant.Pv> pv = new ArrayList<>();
        for (PvSpec p : s.plant().pv()) {
            pv.add(new CampPlant.Pv(c.assetId(p.id()), p.ratedKwp()));
        }
        BatterySpec b = s.plant().battery();
        return new CampPlant(s.camp().id(), gens, pv, b == null ? null
            : new CampPlant.Battery(c.assetId(b.id()), b.capacityKwh(), b.nominalVoltage()));
    }

    /** The camp's power readings. */
    public static CampSignals signals(SimulatedCamp c) {
        CampPlant plant = plant(c);
        Map<String, GeneratorSignals> gens = new HashMap<>();
        plant.generators().forEach(g -> gens.put(g.assetId(), GeneratorSignals.from(m -> c.series(g.assetId(), m))));
        Map<String, PvSignals> pv = new HashMap<>();
        plant.pv().forEach(p -> pv.put(p.assetId(), PvSignals.from(m -> c.series(p.assetId(), m))));
        return new CampSignals(gens, pv, plant.battery() == null ? null
            : BatterySignals.from(m -> c.series(plant.battery().assetId(), m)));
    }

    /** Every asset's readings by metric (assets of the scenario, metrics of the catalogue; empty ones left out). */
    public static Map<String, Map<String, Series>> readings(SimulatedCamp c) {
        Scenario s = c.scenario();
        Map<String, AssetKind> assets = new LinkedHashMap<>();
        s.plant().generators().forEach(g -> assets.put(c.assetId(g.id()), AssetKind.GENERATOR));
        s.plant().tanks().forEach(t -> assets.put(c.assetId(t.id()), AssetKind.FUEL_TANK));
        s.plant().pv().forEach(p -> assets.put(c.assetId(p.id()), AssetKind.PV));
        if (s.plant().battery() != null) {
            assets.put(c.assetId(s.plant().battery().id()), AssetKind.BATTERY);
        }
        s.vehicles().forEach(v -> assets.put(c.assetId(v.id()), AssetKind.VEHICLE));
        s.water().forEach(w -> assets.put(c.assetId(w.id()), AssetKind.WATER_TANK));
        assets.put(c.assetId("wx"), AssetKind.WEATHER);
        Map<String, Map<String, Series>> out = new LinkedHashMap<>();
        assets.forEach((id, kind) -> {
            Map<String, Series> metrics = new LinkedHashMap<>();
            for (Metric m : kind.defaultMetrics()) {
                Series series = c.series(id, m.wireName());
                if (!series.isEmpty()) {
                    metrics.put(m.wireName(), series);
                }
            }
            out.put(id, metrics);
        });
        return out;
    }

    /** The ground truth's camp energy totals ({@code load_kwh}, {@code pv_kwh}, ... {@code unserved_kwh}). */
    public static Map<String, Double> campEnergy(GroundTruth truth) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GroundTruthWriter.write(truth, out);
            JsonNode total = new ObjectMapper().readTree(out.toByteArray()).get("camp_energy").get("total");
            Map<String, Double> energy = new HashMap<>();
            total.properties().forEach(e -> energy.put(e.getKey(), e.getValue().asDouble()));
            return energy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
