package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the {@code events} list of a scenario file. */
final class EventReader {
    /** A leak without a duration lasts for the rest of the run. */
    static final Duration UNTIL_END = Duration.ofDays(36_500);
    /** A random dropout or scale spike hits a reading in a hundred unless the scenario says otherwise. */
    static final double DEFAULT_RATE = 0.01;
    static final List<Double> DEFAULT_FACTORS = List.of(0.5, 1.4);

    private EventReader() {
    }

    static List<EventSpec> events(ScenarioNode root) {
        List<EventSpec> out = new ArrayList<>();
        for (ScenarioNode n : root.list("events")) {
            out.add(event(n));
        }
        return out;
    }

    private static EventSpec event(ScenarioNode n) {
        String kind = n.text("kind");
        switch (kind) {
            case "refuel":
                n.allow("kind", "asset", "at", "duration", "volume_l");
                return new RefuelEvent(n.id("asset"), n.duration("at"),
                    n.positiveDuration("duration", Duration.ofMinutes(30)), n.positive("volume_l"));
            case "theft":
                n.allow("kind", "asset", "at", "duration", "volume_l");
                return new TheftEvent(n.id("asset"), n.duration("at"),
                    n.positiveDuration("duration", Duration.ofMinutes(20)), n.positive("volume_l"));
            case "leak":
                n.allow("kind", "asset", "at", "duration", "litres_per_day");
                return new LeakEvent(n.id("asset"), n.duration("at"), n.positiveDuration("duration", UNTIL_END),
                    n.positive("litres_per_day"));
            case "sensor_fault":
                return sensorFault(n);
            case "outage":
                n.allow("kind", "gateway", "at", "duration");
                return new OutageEvent(n.id("gateway"), n.duration("at"), n.positiveDuration("duration", null));
            case "generator_stop":
                n.allow("kind", "asset", "at", "duration");
                return new GeneratorStopEvent(n.id("asset"), n.duration("at"), n.positiveDuration("duration", null));
            case "duplicate_resend":
                n.allow("kind", "gateway", "at", "messages");
                return new DuplicateEvent(n.id("gateway"), n.duration("at"), n.count("messages", 1, 1, 10_000));
            default:
                throw n.error("kind", "'" + kind
                    + "' is not refuel, theft, leak, sensor_fault, outage, generator_stop or duplicate_resend");
        }
    }

    private static SensorFaultEvent sensorFault(ScenarioNode n) {
        n.allow("kind", "asset", "metric", "fault", "at", "duration", "magnitude", "rate", "factors");
        SensorFaultEvent.Fault fault = fault(n);
        boolean random = fault == SensorFaultEvent.Fault.RANDOM_DROPOUT
            || fault == SensorFaultEvent.Fault.SCALE_SPIKES;
        if (!random && n.has("rate")) {
            throw n.error("rate", "is only for fault random_dropout or scale_spikes, not " + fault.text());
        }
        if (fault != SensorFaultEvent.Fault.SCALE_SPIKES && n.has("factors")) {
            throw n.error("factors", "is only for fault scale_spikes, not " + fault.text());
        }
        double rate = random ? n.range("rate", DEFAULT_RATE, 0, 1) : 0;
        if (random && rate == 0) {
            throw n.error("rate", "must be above 0 (the probability that a reading is hit)");
        }
        List<Double> factors = fault == SensorFaultEvent.Fault.SCALE_SPIKES
            ? (n.has("factors") ? n.numbers("factors") : DEFAULT_FACTORS) : List.of();
        if (fault == SensorFaultEvent.Fault.SCALE_SPIKES && factors.isEmpty()) {
            throw n.error("factors", "must hold at least one factor");
        }
        for (int i = 0; i < factors.size(); i++) {
            double f = factors.get(i);
            if (!(f >= 0) || f == 1 || f > 100) {
                throw n.error("factors[" + i + "]", "'" + f + "' must be between 0 and 100 and not 1");
            }
        }
        return new SensorFaultEvent(n.id("asset"), n.text("metric", null), fault, n.duration("at"),
            n.positiveDuration("duration", Duration.ofHours(1)), n.range("magnitude", 0, 0, 1e9), rate, factors);
    }

    private static SensorFaultEvent.Fault fault(ScenarioNode n) {
        String text = n.text("fault");
        try {
            return SensorFaultEvent.Fault.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.error("fault", "'" + text
                + "' is not stuck, spikes, dropout, sloshing, random_dropout or scale_spikes");
        }
    }
}
