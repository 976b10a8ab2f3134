package org.smartcamp.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.simulator.model.Generator;
import org.smartcamp.simulator.model.PowerPlant;
import org.smartcamp.simulator.scenario.EventSpec;
import org.smartcamp.simulator.scenario.GeneratorStopEvent;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * The scenario's generator stops (a set out of service over its window) and the camp-wide power outages they or
 * anything else cause: a step in which the camp had load and no generator, PV or battery supplied any of it. The
 * ground truth gets each stop ({@code generator_stop}, the set's asset id) and each outage ({@code power_outage},
 * the camp id), with their real start and end.
 */
final class PowerEvents {
    static final String POWER_OUTAGE = "power_outage";
    private final List<Stop> stops = new ArrayList<>();
    private final List<TruthEvent> outages = new ArrayList<>();
    private Instant downSince;

    PowerEvents(List<EventSpec> events, Instant start, Instant end) {
        for (EventSpec e : events) {
            Instant from = start.plus(e.at());
            if (e instanceof GeneratorStopEvent s && from.isBefore(end)) {
                stops.add(new Stop(s.target(), from, from.plus(s.duration())));
            }
        }
    }

    /** Puts the sets out of service or back in service for the step starting at {@code t}. */
    void before(Instant t, CampModel camp) {
        for (Generator g : camp.generators) {
            String local = g.spec().id();
            boolean out = stops.stream().anyMatch(s -> s.generator.equals(local) && !t.isBefore(s.start)
                && t.isBefore(s.end));
            if (out == g.available()) {
                g.setAvailable(!out);
            }
        }
    }

    /** Notes whether the camp had power in the step starting at {@code t}. */
    void after(Instant t, PowerPlant.Balance b, String campId) {
        boolean down = b.loadKw() > 0 && b.generatorKw() <= 0 && b.pvKw() <= 0 && b.batteryKw() <= 0;
        if (down && downSince == null) {
            downSince = t;
        } else if (!down && downSince != null) {
            outages.add(new TruthEvent(POWER_OUTAGE, campId, downSince, t, null, "no source supplied the load"));
            downSince = null;
        }
    }

    /** Adds the stops and outages to the ground truth, clipped to {@code end}. */
    void report(GroundTruth truth, CampModel camp, Instant end) {
        for (Stop s : stops) {
            truth.event(new TruthEvent("generator_stop", camp.scenario.camp().assetId(s.generator), s.start,
                s.end.isAfter(end) ? end : s.end, null, "out of service"));
        }
        outages.forEach(truth::event);
        if (downSince != null) {
            truth.event(new TruthEvent(POWER_OUTAGE, camp.scenario.camp().id(), downSince, end, null,
                "no source supplied the load"));
        }
    }

    private record Stop(String generator, Instant start, Instant end) {
    }
}
