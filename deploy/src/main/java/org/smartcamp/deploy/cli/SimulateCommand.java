package org.smartcamp.deploy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.PublisherSettings;
import org.smartcamp.simulator.SimulationOptions;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.Simulator;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.TelemetrySinkException;
import org.smartcamp.simulator.gateway.WireProtocol;
import org.smartcamp.simulator.scenario.ScenarioException;
import org.smartcamp.platform.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smartcamp simulate}: runs a camp scenario into the broker or a file, with ground truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a camp scenario and publish its telemetry to MQTT (or write it to a file), with ground "
        + "truth. Bundled scenarios: small-outpost, battalion-camp, logistics-hub.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, description = "Scenario file, or the name of a bundled scenario.")
    String scenario;

    @Mixin
    ConfigOption config;

    @Option(names = "--mqtt-url", description = "Broker URL (default: mqtt.url of the configuration, "
        + "SMARTCAMP_MQTT_URL).")
    String mqttUrl;

    @Option(names = "--mqtt-username", description = "Broker user, e.g. a gateway's {mission}/{camp}/{gateway} "
        + "(default: mqtt.username, SMARTCAMP_MQTT_USERNAME); its password is mqtt.password (SMARTCAMP_MQTT_PASSWORD).")
    String mqttUsername;

    @Option(names = "--out", description = "Write the telemetry to this file (.jsonl or .csv) instead of publishing.")
    Path out;

    @Option(names = "--ground-truth", description = "Write the ground truth (JSON) to this file.")
    Path groundTruth;

    @Option(names = "--inventory", description = "Write the asset inventory (YAML) to this file.")
    Path inventory;

    @Option(names = "--seed", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = "--start", description = "ISO instant, 'now' (the run ends now) or 'live' (it starts now); "
        + "default: the scenario's start.")
    String start;

    @Option(names = "--speed", defaultValue = "max", description = "max, realtime, or a factor such as 60 "
        + "(default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--duration", description = "How long to simulate, e.g. 7d, 12h (default: the scenario's).")
    String duration;

    @Option(names = "--protocol", description = "What the gateways publish: smartcamp (SmartCamp JSON, one client "
        + "per gateway) or sparkplug (Sparkplug B, the camp as one edge node, its assets as devices); default: the "
        + "scenario's protocol, else smartcamp.")
    String protocol;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public SimulateCommand() {
        this(System.out, System.err);
    }

    SimulateCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulationOptions options;
        try {
            Duration d = duration == null ? null : Durations.parse("--duration", duration);
            options = new SimulationOptions(scenario, seed, start, d, Speed.parse(speed),
                PublisherSettings.publisher(config.load(), mqttUrl, mqttUsername), out, groundTruth, inventory,
                protocol == null ? null : WireProtocol.parse(protocol));
        } catch (IllegalArgumentException e) {
            stderr.println("simulate: " + e.getMessage());
            return 2;
        }
        ConsoleProgress progress = new ConsoleProgress(stderr);
        try {
            SimulationResult result = new Simulator(Clock.systemUTC()).run(options, progress);
            progress.done();
            SummaryPrinter.print(result.summary(), stdout);
            return 0;
        } catch (ScenarioException | TelemetrySinkException | java.io.UncheckedIOException e) {
            progress.done();
            stderr.println("simulate: " + e.getMessage());
            return 1;
        }
    }
}
