package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.scenario.DuplicateEvent;
import org.smartcamp.simulator.scenario.EventSpec;
import org.smartcamp.simulator.scenario.OutageEvent;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.scenario.SensorFaultEvent;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.OutageWindow;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * Every injected event is in the ground truth and leaves its mark in the telemetry. Marks are found by comparing
 * with a run of the same scenario and seed without the event: the sensor noise is the same in both, so what
 * differs is the event.
 */
class InjectedEventsTest {
    private static final Scenario SCENARIO = ScenarioLoader.load("test-camp");
    private static final Instant T0 = SCENARIO.header().start();
    private static final String BULK = "testcamp-bulk";

    private static RecordingSink full;
    private static GroundTruth truth;
    private static RecordingSink noFaults;
    private static RecordingSink noTankEvents;
    private static RecordingSink noVehicleTheft;

    @BeforeAll
    static void run() {
        full = new RecordingSink();
        truth = Runs.run(SCENARIO, full).truth();
        noFaults = run(e -> e instanceof SensorFaultEvent);
        noTankEvents = run(e -> !(e instanceof SensorFaultEvent) && e.target().equals("bulk"));
        noVehicleTheft = run(e -> e.target().equals("veh-1"));
    }

    @Test
    void everyInjectedEventIsInTheGroundTruth() {
        for (EventSpec e : SCENARIO.events()) {
            boolean gateway = e instanceof OutageEvent || e instanceof DuplicateEvent;
            String asset = gateway ? e.target() : SCENARIO.camp().assetId(e.target());
            assertThat(truth.events()).as(e.toString()).anyMatch(t -> t.kind().equals(e.kind())
                && t.asset().equals(asset) && t.start().equals(T0.plus(e.at())));
        }
        assertThat(litres("refuel")).isCloseTo(2000, within(1e-6));
        assertThat(litres("leak")).isCloseTo(12, within(1e-6));
        assertThat(litres("theft")).isCloseTo(160, within(1e-6));
    }

    @Test
    void refuelTheftAndLeakMoveTheReportedTankVolume() {
        assertThat(volumeGain(Duration.ofMinutes(50))).isCloseTo(0, within(3.0));
        assertThat(volumeGain(Duration.ofMinutes(100))).isCloseTo(2000, within(10.0));
        assertThat(volumeGain(Duration.ofMinutes(210))).isCloseTo(1850, within(10.0));
        double leaked = volumeGain(Duration.ofMinutes(235)) - volumeGain(Duration.ofMinutes(625));
        assertThat(leaked).as("6 h at 48 L/day").isCloseTo(12, within(3.0));
    }

    @Test
    void vehicleTheftLowersItsFuelLevel() {
        double before = mean(full, "testcamp-veh-1", "fuel.level_pct", Duration.ofMinutes(590), 5)
            - mean(noVehicleTheft, "testcamp-veh-1", "fuel.level_pct", Duration.ofMinutes(590), 5);
        double after = mean(full, "testcamp-veh-1", "fuel.level_pct", Duration.ofMinutes(615), 5)
            - mean(noVehicleTheft, "testcamp-veh-1", "fuel.level_pct", Duration.ofMinutes(615), 5);
        assertThat(truth.events()).as("no refuel before the second window")
            .noneMatch(e -> e.kind().equals("vehicle_refuel") && e.start().isBefore(T0.plus(Duration.ofMinutes(620))));
        assertThat(before - after).as("percent of an 80 L tank").isCloseTo(12.5, within(1.5));
    }

    @Test
    void aStuckSensorRepeatsItsValue() {
        List<Double> stuck = values(full, BULK, "fuel.level", Duration.ofHours(5), Duration.ofHours(6));
        List<Double> before = values(full, BULK, "fuel.level", Duration.ofHours(4), Duration.ofHours(5));
        assertThat(stuck).hasSize(60).containsOnly(stuck.get(0));
        assertThat(new HashSet<>(before)).hasSizeGreaterThan(10);
    }

    @Test
    void spikesAndSloshingDistortOnlyTheirWindow() {
        List<Double> spikes = diffs("testcamp-gen-1", "power.active", Duration.ofHours(6), Duration.ofHours(7));
        assertThat(spikes).anyMatch(d -> Math.abs(d) >= 14);
        assertThat(diffs("testcamp-gen-1", "power.active", Duration.ofHours(7), Duration.ofHours(12)))
            .containsOnly(0.0);
        List<Double> slosh = diffs(BULK, "fuel.level", Duration.ofHours(7), Duration.ofMinutes(450));
        assertThat(slosh).anyMatch(d -> Math.abs(d) > 3).allMatch(d -> Math.abs(d) <= 15.1);
    }

    @Test
    void aDropoutReportsNothing() {
        assertThat(values(full, "testcamp-water-1", "water.level", Duration.ofHours(8), Duration.ofHours(9))).isEmpty();
        assertThat(values(full, "testcamp-water-1", "pump.running", Duration.ofHours(8), Duration.ofHours(9)))
            .isEmpty();
        assertThat(values(full, "testcamp-water-1", "water.level", Duration.ofHours(9), Duration.ofHours(10)))
            .hasSize(6);
    }

    @Test
    void afterAnOutageTheBacklogIsSentInBatchesWithTheOriginalTimes() {
        Instant down = T0.plus(Duration.ofHours(2));
        Instant up = T0.plus(Duration.ofHours(5));
        List<OutgoingMessage> gw1 = full.messages.stream().filter(m -> m.address().gateway().equals("gw-1")).toList();
        assertThat(gw1).noneMatch(m -> !m.batch().sent().isBefore(down) && m.batch().sent().isBefore(up));
        List<OutgoingMessage> backlog = gw1.stream().filter(m -> m.batch().sent().equals(up)).toList();
        List<Reading> held = backlog.stream().flatMap(m -> m.batch().readings().stream()).toList();

        assertThat(backlog.size()).isGreaterThan(10);
        assertThat(backlog).allMatch(m -> m.batch().readings().size() <= 200);
        assertThat(held).allMatch(r -> !r.ts().isAfter(up) && !r.ts().isBefore(down.minusSeconds(60)));
        assertThat(held.stream().map(Reading::ts).distinct().count()).isGreaterThan(170);
        OutageWindow window = truth.outages().get(0);
        assertThat(window.gateway()).isEqualTo("gw-1");
        assertThat(window.backlogReadings()).isEqualTo(held.size());
        assertThat(List.of(window.start(), window.end(), window.deliveredAt())).containsExactly(down, up, up);
    }

    @Test
    void aDuplicateResendSendsTheSameMessagesAgain() {
        List<OutgoingMessage> resent = full.messages.stream().filter(OutgoingMessage::resend).toList();
        assertThat(resent).hasSize(3).allMatch(m -> m.address().gateway().equals("gw-2"));
        for (OutgoingMessage m : resent) {
            assertThat(full.messages).anyMatch(o -> !o.resend() && o.batch().seq() == m.batch().seq()
                && o.address().equals(m.address()) && o.batch().readings().equals(m.batch().readings()));
        }
        Map<String, Integer> seen = new HashMap<>();
        full.readings().forEach(r -> seen.merge(r.asset() + "|" + r.metric() + "|" + r.ts(), 1, Integer::sum));
        long twice = seen.values().stream().filter(n -> n == 2).count();
        assertThat(twice).isEqualTo(resent.stream().mapToLong(m -> m.batch().readings().size()).sum());
    }

    /** A run of the scenario without the events {@code drop} matches. */
    private static RecordingSink run(Predicate<EventSpec> drop) {
        RecordingSink sink = new RecordingSink();
        Runs.run(new Scenario(SCENARIO.header(), SCENARIO.mission(), SCENARIO.camp(), SCENARIO.environment(),
            SCENARIO.plant(), SCENARIO.vehicles(), SCENARIO.water(), SCENARIO.gateways(),
            SCENARIO.events().stream().filter(drop.negate()).toList()), sink);
        return sink;
    }

    private static double litres(String kind) {
        return truth.events().stream().filter(e -> e.kind().equals(kind)).mapToDouble(TruthEvent::litres).sum();
    }

    /** Reported bulk volume in the full run minus the run without fuel events, averaged over 5 minutes. */
    private static double volumeGain(Duration at) {
        return mean(full, BULK, "fuel.volume", at, 5) - mean(noTankEvents, BULK, "fuel.volume", at, 5);
    }

    private static double mean(RecordingSink sink, String asset, String metric, Duration at, int minutes) {
        return values(sink, asset, metric, at, at.plusMinutes(minutes)).stream().mapToDouble(d -> d).average()
            .orElseThrow();
    }

    private static List<Double> values(RecordingSink sink, String asset, String metric, Duration from, Duration to) {
        Set<Instant> seen = new HashSet<>();
        return sink.readings(asset, metric).stream()
            .filter(r -> !r.ts().isBefore(T0.plus(from)) && r.ts().isBefore(T0.plus(to)) && seen.add(r.ts()))
            .sorted((a, b) -> a.ts().compareTo(b.ts())).map(Reading::value).toList();
    }

    private static List<Double> diffs(String asset, String metric, Duration from, Duration to) {
        List<Double> a = values(full, asset, metric, from, to);
        List<Double> b = values(noFaults, asset, metric, from, to);
        assertThat(a).hasSameSizeAs(b).isNotEmpty();
        return java.util.stream.IntStream.range(0, a.size()).mapToObj(i -> a.get(i) - b.get(i)).toList();
    }
}
