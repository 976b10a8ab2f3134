package org.smartcamp.deploy.accuracy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.pipeline.IngestPipeline;
import org.smartcamp.ingest.pipeline.MicrometerIngestMetrics;
import org.smartcamp.ingest.store.AssetRegistry;
import org.smartcamp.ingest.store.CopyBatchWriter;
import org.smartcamp.ingest.store.RegistrationPolicy;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.inventory.InventoryWriter;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;

/**
 * Feeds a bundled scenario into a migrated store the way a camp would: its inventory is imported, then every
 * message its gateways send (backlogs after outages, resends) goes through the ingest's pipeline and is
 * committed. The run ends at the last whole UTC day before now, so every reading passes the wire contract's
 * age check and every simulated day is a whole UTC day.
 */
final class SimulatedFeed {
    private static final int MAX_UNACKNOWLEDGED = 1_000;
    private final DataSource dataSource;
    private final Clock clock;

    SimulatedFeed(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The scenario as it will run: {@code seed}, its own duration, ending at today's UTC midnight. */
    Scenario scenario(String name, long seed) {
        return scenario(name, seed, null);
    }

    /** The scenario with {@code seed} over {@code duration} (null: its own), ending at today's UTC midnight. */
    Scenario scenario(String name, long seed, Duration days) {
        Scenario base = ScenarioLoader.load(name);
        Duration duration = days == null ? base.header().duration() : days;
        Instant end = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return base.with(seed, end.minus(duration), duration);
    }

    /**
     * Imports the scenario's inventory and commits everything its gateways send.
     *
     * @return the simulation's summary and ground truth
     */
    SimulationResult feed(Scenario scenario) throws InterruptedException {
        new InventoryImporter(dataSource).importInventory(
            InventoryLoader.parse(scenario.header().name() + ".yaml", InventoryWriter.yaml(scenario)));
        Vertx vertx = Vertx.vertx();
        try {
            IngestPipeline pipeline = new IngestPipeline(vertx, new TelemetryDecoder(WireLimits.V1, clock),
                new CopyBatchWriter(dataSource, new AssetRegistry(dataSource, RegistrationPolicy.UNLIMITED)),
                BatchConfig.DEFAULTS,
                new MicrometerIngestMetrics(new SimpleMeterRegistry()), m -> true, clock);
            try (PipelineSink sink = new PipelineSink(pipeline, MAX_UNACKNOWLEDGED)) {
                return new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
