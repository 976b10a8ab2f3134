package org.smartcamp.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.smartcamp.simulator.gateway.FileFormat;
import org.smartcamp.simulator.gateway.MqttTelemetrySink;
import org.smartcamp.simulator.gateway.SparkplugTelemetrySink;
import org.smartcamp.simulator.gateway.TelemetryFileWriter;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.gateway.WireProtocol;
import org.smartcamp.simulator.inventory.InventoryWriter;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioException;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.GroundTruthWriter;

/**
 * The simulator's entry point for the launcher: loads the scenario, applies the overrides, publishes to the
 * broker or writes the file, and writes the ground truth and the inventory. Everything the {@code simulate}
 * command does apart from parsing its arguments and printing.
 */
public final class Simulator {
    private final Clock clock;
    private final SimulationRunner runner;

    public Simulator(Clock clock) {
        this(clock, new SimulationRunner());
    }

    public Simulator(Clock clock, SimulationRunner runner) {
        this.clock = clock;
        this.runner = runner;
    }

    /** The scenario the options describe, with seed, start and duration applied. */
    public Scenario scenario(SimulationOptions options) {
        Scenario scenario = ScenarioLoader.load(options.scenario());
        Duration duration = options.duration() == null ? scenario.header().duration() : options.duration();
        Instant start = StartTime.resolve(options.start(), duration, clock);
        return scenario.with(options.seed(), start, duration);
    }

    /**
     * Runs the simulation the options describe.
     *
     * @throws ScenarioException                                      for a bad scenario
     * @throws org.smartcamp.simulator.gateway.TelemetrySinkException when the broker or file fails
     * @throws UncheckedIOException                                   when a result file cannot be written
     * @throws InterruptedException                                   when interrupted
     */
    public SimulationResult run(SimulationOptions options, ProgressListener progress) throws InterruptedException {
        Scenario scenario = scenario(options);
        if (options.inventory() != null) {
            write(() -> InventoryWriter.write(scenario, options.inventory()));
        }
        SimulationResult result;
        try (TelemetrySink sink = sink(options, scenario)) {
            result = runner.run(scenario, sink, options.out() != null ? Speed.MAX : options.speed(), progress);
        }
        if (options.groundTruth() != null) {
            write(() -> GroundTruthWriter.write(result.truth(), options.groundTruth()));
        }
        return result;
    }

    /** The file, or the broker with the protocol of the options, else of the scenario. */
    private TelemetrySink sink(SimulationOptions options, Scenario scenario) {
        if (options.out() != null) {
            return new TelemetryFileWriter(options.out(), FileFormat.of(options.out()));
        }
        WireProtocol protocol = options.protocol() != null ? options.protocol() : scenario.header().protocol();
        return protocol == WireProtocol.SPARKPLUG ? new SparkplugTelemetrySink(options.mqtt(), clock)
            : new MqttTelemetrySink(options.mqtt());
    }

    private static void write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
