package org.smartcamp.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.simulator.model.FuelTank;
import org.smartcamp.simulator.model.Vehicle;
import org.smartcamp.simulator.scenario.EventSpec;
import org.smartcamp.simulator.scenario.LeakEvent;
import org.smartcamp.simulator.scenario.RefuelEvent;
import org.smartcamp.simulator.scenario.TheftEvent;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.TankFlow;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * The scenario's refuels, thefts and leaks as steady flows over their windows. Each step moves the litres of the
 * part of its window that the step covers, so the volumes are exact whatever the step; the ground truth gets
 * the litres that really moved (a full tank takes less, an empty one gives less).
 */
final class FuelEvents {
    private final List<Flow> flows = new ArrayList<>();

    FuelEvents(List<EventSpec> events, Instant start, Instant end) {
        for (EventSpec e : events) {
            Instant from = start.plus(e.at());
            Instant to = from.plus(e.duration());
            double seconds = e.duration().toMillis() / 1000.0;
            if (!from.isBefore(end)) {
                continue;
            }
            if (e instanceof RefuelEvent r) {
                flows.add(new Flow(e, from, to, r.volumeL() / seconds, TankFlow.RECEIVED));
            } else if (e instanceof TheftEvent t) {
                flows.add(new Flow(e, from, to, t.volumeL() / seconds, TankFlow.STOLEN));
            } else if (e instanceof LeakEvent l) {
                flows.add(new Flow(e, from, to, l.litresPerDay() / 86_400, TankFlow.LEAKED));
            }
        }
    }

    /** Moves the litres of the step {@code [t, t + dt)}. */
    void apply(Instant t, Duration dt, CampModel camp, GroundTruth truth) {
        Instant stepEnd = t.plus(dt);
        for (Flow f : flows) {
            Instant a = f.start.isAfter(t) ? f.start : t;
            Instant b = f.end.isBefore(stepEnd) ? f.end : stepEnd;
            if (!a.isBefore(b)) {
                continue;
            }
            double litres = f.rate * Duration.between(a, b).toNanos() / 1e9;
            FuelTank tank = camp.tanks.get(f.spec.target());
            double moved;
            if (tank != null) {
                moved = f.flow == TankFlow.RECEIVED ? tank.add(litres) : tank.remove(litres);
                truth.tankFlow(tank.assetId(), t, f.flow, moved);
            } else {
                Vehicle v = camp.vehicles.get(f.spec.target());
                moved = v.drain(litres);
            }
            f.moved += moved;
        }
    }

    /** Adds every flow that began to the ground truth, clipped to {@code end}. */
    void report(GroundTruth truth, String campId, Instant end) {
        for (Flow f : flows) {
            Instant until = f.end.isAfter(end) ? end : f.end;
            String detail = f.flow == TankFlow.LEAKED ? ((LeakEvent) f.spec).litresPerDay() + " L/day" : null;
            truth.event(new TruthEvent(f.spec.kind(), campId + "-" + f.spec.target(), f.start, until, f.moved,
                detail));
        }
    }

    private static final class Flow {
        private final EventSpec spec;
        private final Instant start;
        private final Instant end;
        private final double rate;
        private final TankFlow flow;
        private double moved;

        Flow(EventSpec spec, Instant start, Instant end, double rate, TankFlow flow) {
            this.spec = spec;
            this.start = start;
            this.end = end;
            this.rate = rate;
            this.flow = flow;
        }
    }
}
