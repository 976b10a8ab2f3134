package org.smartcamp.deploy.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.deploy.bench.Workload;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.scenario.CampSpec;
import org.smartcamp.simulator.scenario.EventSpec;
import org.smartcamp.simulator.scenario.MissionSpec;
import org.smartcamp.simulator.scenario.OutageEvent;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;

/** The messages the cases publish; every reading in them is distinct, so row counts prove delivery. */
final class Workloads {
    private Workloads() {
    }

    /**
     * The bench's message mix: {@code readings} in messages of 100 from four gateways, taking turns, with event
     * times in the hours before {@code now} (two streams of one mission must not share event times).
     */
    static List<OutgoingMessage> stream(String mission, long readings, Instant now) {
        Workload w = Workload.create(mission, readings, FaultProfile.PER_MESSAGE, FaultProfile.GATEWAYS, now);
        List<OutgoingMessage> out = new ArrayList<>(w.messages().size());
        for (Workload.Message m : w.messages()) {
            out.add(new OutgoingMessage(TopicAddress.parse(m.topic()), new TelemetryBatch(out.size(), now,
                m.content()), m.payload(), false));
        }
        return out;
    }

    /**
     * The readings of {@link #stream} as Sparkplug B edge nodes send them: each camp's readings regrouped per asset
     * (device) into messages of up to 100 readings of that asset, so that each message is one DDATA.
     */
    static List<OutgoingMessage> sparkplugStream(String mission, long readings, Instant now) {
        Map<String, Device> open = new LinkedHashMap<>();
        List<OutgoingMessage> out = new ArrayList<>();
        for (OutgoingMessage m : stream(mission, readings, now)) {
            for (Reading r : m.batch().readings()) {
                Device device = open.computeIfAbsent(r.asset(), a -> new Device(m.address(), new ArrayList<>()));
                device.readings().add(r);
                if (device.readings().size() == FaultProfile.PER_MESSAGE) {
                    out.add(open.remove(r.asset()).message(now));
                }
            }
        }
        open.values().forEach(d -> out.add(d.message(now)));
        return out;
    }

    /** Readings of one asset waiting to fill a message. */
    private record Device(TopicAddress address, List<Reading> readings) {
        OutgoingMessage message(Instant now) {
            return new OutgoingMessage(address, new TelemetryBatch(0, now, readings), new byte[0], false);
        }
    }

    /**
     * The day of telemetry that the first gateway of {@code scenario} held back through a 24-hour link outage
     * ending now, as it sends it when the link comes back: its store-and-forward batches, oldest first. With
     * {@code camps > 1}, as many camps of that scenario (different seeds) deliver their backlogs back to back.
     */
    static List<OutgoingMessage> backlog(String mission, String scenario, int camps) {
        Duration day = Duration.ofDays(1);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(day);
        List<OutgoingMessage> out = new ArrayList<>();
        for (int c = 0; c < camps; c++) {
            Scenario s = ScenarioLoader.load(scenario).with(1_000L + c, start, day);
            String gateway = s.gateways().get(0).id();
            CampSpec camp = s.camp();
            List<EventSpec> outage = List.of(new OutageEvent(gateway, Duration.ZERO, day.plusHours(1)));
            Scenario offline = new Scenario(s.header(), new MissionSpec(mission, mission), new CampSpec(
                mission + "-c" + c, camp.name(), camp.latitude(), camp.longitude(), camp.population()),
                s.environment(), s.plant(), s.vehicles(), s.water(), s.gateways(), outage);
            Collector sink = new Collector(gateway);
            try {
                new SimulationRunner().run(offline, sink, Speed.MAX, ProgressListener.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            out.addAll(sink.messages);
        }
        return out;
    }

    /** Keeps the messages of one gateway. */
    private static final class Collector implements TelemetrySink {
        private final String gateway;
        private final List<OutgoingMessage> messages = new ArrayList<>();

        Collector(String gateway) {
            this.gateway = gateway;
        }

        @Override
        public void send(OutgoingMessage message) {
            if (message.address().gateway().equals(gateway)) {
                messages.add(message);
            }
        }

        @Override
        public void close() {
        }
    }
}
