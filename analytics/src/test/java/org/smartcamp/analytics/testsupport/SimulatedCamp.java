package org.smartcamp.analytics.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.GroundTruth;

/**
 * A bundled scenario simulated in memory, as the store would hold it: every reading the gateways sent, once
 * per (asset, metric, event time) whatever the resends, as one {@link Series} per asset and metric, with the
 * ground truth beside it. For analytics tests that need realistic data with known answers and no database.
 */
public final class SimulatedCamp {
    private final Scenario scenario;
    private final GroundTruth truth;
    private final Map<String, Map<String, Series>> series;

    private SimulatedCamp(Scenario scenario, GroundTruth truth, Map<String, Map<String, Series>> series) {
        this.scenario = scenario;
        this.truth = truth;
        this.series = series;
    }

    /**
     * Simulates bundled scenario {@code name} with {@code seed} (null for the scenario's own), from its own
     * start for {@code duration} (null for its own).
     */
    public static SimulatedCamp run(String name, Long seed, Duration duration) {
        Scenario base = ScenarioLoader.load(name);
        Scenario scenario = base.with(seed, base.header().start(),
            duration == null ? base.header().duration() : duration);
        Collector sink = new Collector();
        SimulationResult result;
        try {
            result = new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new SimulatedCamp(scenario, result.truth(), sink.series());
    }

    public Scenario scenario() {
        return scenario;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** The asset's readings of {@code metric} (the wire name, e.g. {@code fuel.volume}); empty when none. */
    public Series series(String assetId, String metric) {
        return series.getOrDefault(assetId, Map.of()).getOrDefault(metric, Series.empty());
    }

    /** The asset id the store holds for a scenario-local id, e.g. {@code gen-1} becomes {@code outpost1-gen-1}. */
    public String assetId(String localId) {
        return scenario.camp().assetId(localId);
    }

    /** Keeps the first value of each (asset, metric, event time), as the store's primary key does. */
    private static final class Collector implements TelemetrySink {
        private final Map<String, Map<String, TreeMap<Instant, Double>>> readings = new HashMap<>();

        @Override
        public void send(OutgoingMessage message) {
            for (Reading r : message.batch().readings()) {
                readings.computeIfAbsent(r.asset(), a -> new HashMap<>())
                    .computeIfAbsent(r.metric(), m -> new TreeMap<>())
                    .putIfAbsent(r.ts(), r.value());
            }
        }

        @Override
        public void close() {
        }

        Map<String, Map<String, Series>> series() {
            Map<String, Map<String, Series>> out = new HashMap<>();
            readings.forEach((asset, metrics) -> metrics.forEach((metric, values) -> {
                Series.Builder b = Series.builder();
                values.forEach(b::add);
                out.computeIfAbsent(asset, a -> new HashMap<>()).put(metric, b.build());
            }));
            return out;
        }
    }
}
