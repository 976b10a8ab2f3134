package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.sparkplug.SparkplugConfig;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;
import org.smartcamp.simulator.gateway.MqttTelemetrySink;
import org.smartcamp.simulator.gateway.SparkplugTelemetrySink;
import org.smartcamp.simulator.scenario.MissionSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.OutageWindow;

/**
 * The simulator and the ingest together, on the real broker and database: two days of the bundled small
 * outpost, with its six-hour link outage, backlog and duplicate resends, are stored exactly once, with the
 * backlog at its original event times; the same camp published as a Sparkplug B edge node too.
 */
class SimulatorIngestIT {
    private static final Duration RUN = Duration.ofDays(2);

    private MigratedStore store;
    private TestDatabase db;
    private IngestService ingest;
    private String mission;

    @BeforeEach
    void startIngest() {
        store = MigratedStore.create("sim");
        db = store.db();
        mission = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        IngestConfig config = IngestProcess.config(db.url(), db.user(), db.password(), TestServices.mqttUrl(),
            "ingest-" + mission, TopicAddress.telemetryFilter(mission), 0);
        // Sparkplug B on for this mission's group only, as its own primary host
        ingest = new IngestService(config.withSparkplug(new SparkplugConfig(true, "host-" + mission, mission,
            Duration.ofSeconds(5), 10_000, true)), Clock.systemUTC());
        ingest.start();
    }

    @AfterEach
    void stop() {
        ingest.stop(Duration.ofSeconds(10));
        store.close();
    }

    @Test
    void everySimulatedReadingIsStoredExactlyOnceIncludingTheOutageBacklog() throws Exception {
        SimulationResult result;
        try (MqttTelemetrySink sink = new MqttTelemetrySink(MqttPublisherConfig.of(TestServices.mqttUrl()))) {
            result = new SimulationRunner().run(scenario(), sink, Speed.MAX, ProgressListener.NONE);
        }
        assertStoredOnceWithTheBacklog(result);
    }

    @Test
    void aCampPublishedAsASparkplugEdgeNodeIsStoredExactlyOnceIncludingItsHistoricalBacklog() throws Exception {
        SimulationResult result;
        try (SparkplugTelemetrySink sink = new SparkplugTelemetrySink(MqttPublisherConfig.of(
                TestServices.mqttUrl()))) {
            result = new SimulationRunner().run(scenario(), sink, Speed.MAX, ProgressListener.NONE);
        }
        assertStoredOnceWithTheBacklog(result);
        // engine.running is a Sparkplug Boolean: stored as 1 and 0
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN metrics m ON m.id = r.metric_id"
            + " WHERE m.name = 'engine.running'")).isPositive();
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN metrics m ON m.id = r.metric_id"
            + " WHERE m.name = 'engine.running' AND r.value NOT IN (0, 1)")).isZero();
    }

    private Scenario scenario() {
        Scenario base = ScenarioLoader.load("small-outpost");
        Instant start = StartTime.resolve("now", RUN, Clock.systemUTC());
        return new Scenario(base.header(), new MissionSpec(mission, "IT"), base.camp(), base.environment(),
            base.plant(), base.vehicles(), base.water(), base.gateways(), base.events()).with(null, start, RUN);
    }

    /** Every reading stored once, nothing refused, the backlog at its event times. */
    private void assertStoredOnceWithTheBacklog(SimulationResult result) {
        long expected = result.summary().readings();
        long resent = result.summary().gateways().stream().mapToLong(GatewaySummary::resentReadings).sum();
        // a Sparkplug DBIRTH repeats its device's latest readings: they count as duplicates too
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(readings()).as("readings stored").isGreaterThanOrEqualTo(expected);
            assertThat(stored() + duplicates()).as("readings the ingest committed, new or duplicate")
                .isGreaterThanOrEqualTo(expected + resent);
        });

        assertThat(readings()).isEqualTo(expected);
        assertThat(duplicates()).isGreaterThanOrEqualTo(resent);
        assertThat(db.queryLong("SELECT count(*) FROM dead_letters")).isZero();
        OutageWindow outage = result.truth().outages().get(0);
        assertThat(outage.backlogReadings()).isPositive();
        // The gateway held everything since its last uplink before the outage: the backlog covers the window.
        assertThat(db.queryLong("SELECT count(*) FROM readings WHERE ts >= '" + outage.start().minusSeconds(60)
            + "' AND ts <= '" + outage.end() + "'")).isGreaterThanOrEqualTo(outage.backlogReadings());
        for (Instant hour = outage.start(); hour.isBefore(outage.end()); hour = hour.plus(Duration.ofHours(1))) {
            assertThat(db.queryLong("SELECT count(*) FROM readings WHERE ts >= '" + hour + "' AND ts < '"
                + hour.plus(Duration.ofHours(1)) + "'")).as("readings stored at event times in the hour from %s",
                hour).isPositive();
        }
    }

    private long readings() {
        return db.queryLong("SELECT count(*) FROM readings");
    }

    private double stored() {
        return ingest.registry().get("smartcamp.ingest.readings.stored").counter().count();
    }

    private double duplicates() {
        return ingest.registry().get("smartcamp.ingest.readings.duplicates").counter().count();
    }
}
