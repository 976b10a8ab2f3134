package org.smartcamp.deploy.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationOptions;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Simulator;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;
import org.smartcamp.simulator.gateway.MqttTelemetrySink;
import org.smartcamp.simulator.gateway.TelemetrySinkException;
import org.smartcamp.simulator.inventory.InventoryWriter;
import org.smartcamp.simulator.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundled camp scenario feeding the demo: one continuous simulation that starts {@code history} ago, publishes
 * that history as fast as the broker takes it, then goes on live, each message at its send time, for
 * {@code live} more. Stopping it interrupts the run and waits for the broker to acknowledge what was sent.
 */
final class SimulatedCamp implements DemoComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCamp.class);

    private final Scenario scenario;
    private final MqttPublisherConfig mqtt;
    private final Clock clock;
    private Thread thread;

    private SimulatedCamp(Scenario scenario, MqttPublisherConfig mqtt, Clock clock) {
        this.scenario = scenario;
        this.mqtt = mqtt;
        this.clock = clock;
    }

    /**
     * The camp of {@code scenarioName} (a bundled scenario or a file), starting {@code history} before now, its
     * gateway publishing as {@code publisher} says.
     *
     * @throws org.smartcamp.simulator.scenario.ScenarioException for an unknown or bad scenario
     */
    static SimulatedCamp of(String scenarioName, Duration history, Duration live, MqttPublisherConfig publisher,
                            Clock clock) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(history);
        Scenario scenario = new Simulator(clock).scenario(new SimulationOptions(scenarioName, null, start.toString(),
            history.plus(live), Speed.MAX, publisher, null, null, null));
        return new SimulatedCamp(scenario, publisher, clock);
    }

    /** The camp's missions, camps and assets, for registering before it publishes. */
    Inventory inventory() {
        return InventoryLoader.parse("the demo's " + scenario.header().name() + " inventory",
            InventoryWriter.yaml(scenario));
    }

    @Override
    public String name() {
        return "simulated camp";
    }

    @Override
    public void start() {
        thread = new Thread(this::run, "smartcamp-demo-camp");
        thread.start();
    }

    @Override
    public void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> describe() {
        return List.of("simulated camp: " + scenario.header().name() + " (" + scenario.mission().id() + "/"
            + scenario.camp().id() + "), history from " + scenario.header().start() + ", then live");
    }

    private void run() {
        MqttTelemetrySink broker = new MqttTelemetrySink(mqtt);
        LivePacingSink sink = new LivePacingSink(broker, clock, Thread::sleep);
        try {
            new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
            LOG.info("Simulated camp reached the end of its scenario");
        } catch (LivePacingSink.Stopped | InterruptedException stopped) {
            LOG.debug("Simulated camp interrupted");
        } catch (TelemetrySinkException e) {
            LOG.error("Simulated camp cannot publish: {}", e.getMessage());
        } finally {
            Thread.interrupted();
            closeQuietly(sink);
            LOG.info("Simulated camp stopped");
        }
    }

    private static void closeQuietly(LivePacingSink sink) {
        try {
            sink.close();
        } catch (TelemetrySinkException e) {
            LOG.warn("Simulated camp: {}", e.getMessage());
        }
    }
}
