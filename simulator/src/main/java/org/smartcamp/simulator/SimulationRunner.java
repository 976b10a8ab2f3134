package org.smartcamp.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.simulator.engine.CampSimulation;
import org.smartcamp.simulator.gateway.Gateway;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.gateway.TelemetrySinkException;
import org.smartcamp.simulator.scenario.DuplicateEvent;
import org.smartcamp.simulator.scenario.EventSpec;
import org.smartcamp.simulator.scenario.GatewaySpec;
import org.smartcamp.simulator.scenario.OutageEvent;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.OutageWindow;
import org.smartcamp.simulator.truth.TruthEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario from its start to its end: the camp's physics in fixed steps, the sensors at their intervals,
 * the gateways with their uplinks, outages and resends, every message to the sink, paced at the given speed.
 * The scenario's header fixes seed, start and duration (see {@link Scenario#with}).
 */
public final class SimulationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SimulationRunner.class);

    private final WireLimits limits;

    public SimulationRunner() {
        this(WireLimits.V1);
    }

    public SimulationRunner(WireLimits limits) {
        this.limits = limits;
    }

    /**
     * Simulates {@code scenario} into {@code sink} (which the caller closes).
     *
     * @throws TelemetrySinkException when the sink fails
     * @throws InterruptedException   when interrupted while pacing
     */
    public SimulationResult run(Scenario scenario, TelemetrySink sink, Speed speed, ProgressListener progress)
            throws InterruptedException {
        long wallStart = System.nanoTime();
        CampSimulation sim = new CampSimulation(scenario);
        Map<String, Gateway> gateways = gateways(scenario, sim.start(), sim.end());
        Pacer pacer = new Pacer(speed, sim.start());
        long[] counts = new long[2];
        Instant nextReport = sim.start().plus(Duration.ofHours(1));
        double total = Duration.between(sim.start(), sim.end()).toMillis();
        LOG.info("Simulating {} from {} to {} (seed {}, speed {})", scenario.header().name(), sim.start(), sim.end(),
            scenario.header().seed(), speed);
        for (Instant t = sim.start(); !t.isAfter(sim.end()); t = t.plus(sim.step())) {
            sim.observe(t, (gw, r) -> gateways.get(gw).offer(r));
            List<OutgoingMessage> out = new ArrayList<>();
            for (Gateway g : gateways.values()) {
                out.addAll(t.equals(sim.end()) ? g.flush(t) : g.tick(t));
            }
            if (!out.isEmpty()) {
                pacer.await(t);
                for (OutgoingMessage m : out) {
                    sink.send(m);
                    counts[0] += m.batch().readings().size();
                    counts[1]++;
                }
            }
            if (t.isBefore(sim.end())) {
                sim.advance(t);
            }
            if (!t.isBefore(nextReport) || t.equals(sim.end())) {
                nextReport = nextReport.plus(Duration.ofHours(1));
                progress.onProgress(new ProgressListener.Progress(t,
                    Duration.between(sim.start(), t).toMillis() / total, counts[0], counts[1]));
            }
        }
        sim.finish();
        record(scenario, sim.truth(), gateways.values());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - wallStart);
        return new SimulationResult(summary(scenario, sim, gateways.values(), elapsed), sim.truth());
    }

    private Map<String, Gateway> gateways(Scenario scenario, Instant start, Instant end) {
        Map<String, Gateway> out = new LinkedHashMap<>();
        for (GatewaySpec spec : scenario.gateways()) {
            List<Gateway.Window> outages = new ArrayList<>();
            List<Gateway.Resend> resends = new ArrayList<>();
            for (EventSpec e : scenario.events()) {
                Instant at = start.plus(e.at());
                if (!e.target().equals(spec.id()) || !at.isBefore(end)) {
                    continue;
                }
                if (e instanceof OutageEvent) {
                    outages.add(new Gateway.Window(at, at.plus(e.duration())));
                } else if (e instanceof DuplicateEvent d) {
                    resends.add(new Gateway.Resend(at, d.messages()));
                }
            }
            TopicAddress address = new TopicAddress(scenario.mission().id(), scenario.camp().id(), spec.id());
            out.put(spec.id(), new Gateway(spec, address, start, limits, outages, resends));
        }
        return out;
    }

    private static void record(Scenario scenario, GroundTruth truth, Iterable<Gateway> gateways) {
        for (Gateway g : gateways) {
            for (OutageWindow w : g.outageReports()) {
                truth.outage(w);
                truth.event(new TruthEvent("outage", g.address().gateway(), w.start(), w.end(), null,
                    w.backlogReadings() + " readings held back, sent at " + w.deliveredAt()));
            }
        }
        for (EventSpec e : scenario.events()) {
            Instant at = truth.start().plus(e.at());
            if (e instanceof DuplicateEvent d && at.isBefore(truth.end())) {
                truth.event(new TruthEvent(d.kind(), d.target(), at, at, null, "last " + d.messages()
                    + " messages sent again"));
            }
        }
    }

    private static SimulationSummary summary(Scenario scenario, CampSimulation sim, Iterable<Gateway> gateways,
                                             Duration elapsed) {
        List<GatewaySummary> out = new ArrayList<>();
        for (Gateway g : gateways) {
            List<OutageWindow> outages = g.outageReports();
            out.add(new GatewaySummary(g.address(), g.messagesSent(), g.readingsSent(), g.readingsResent(),
                outages.size(), outages.stream().mapToLong(OutageWindow::backlogReadings).sum()));
        }
        return new SimulationSummary(scenario.header().name(), sim.start(), sim.end(), out, elapsed);
    }
}
