package org.smartcamp.deploy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.PublisherSettings;
import org.smartcamp.simulator.SimulationSummary;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.TelemetrySinkException;
import org.smartcamp.simulator.replay.ReplayFormatException;
import org.smartcamp.simulator.replay.ReplayOptions;
import org.smartcamp.simulator.replay.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smartcamp replay}: republishes a recorded telemetry file to MQTT, keeping the event times. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Republish a recorded long-format file of readings (JSONL or CSV) to MQTT at a speed factor, "
        + "keeping the event timestamps.")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Recorded file (.jsonl as written by simulate --out, or long .csv).")
    Path file;

    @Mixin
    ConfigOption config;

    @Option(names = "--mqtt-url", description = "Broker URL (default: mqtt.url of the configuration, "
        + "SMARTCAMP_MQTT_URL).")
    String mqttUrl;

    @Option(names = "--mqtt-username", description = "Broker user, e.g. a gateway's {mission}/{camp}/{gateway} "
        + "(default: mqtt.username, SMARTCAMP_MQTT_USERNAME); its password is mqtt.password (SMARTCAMP_MQTT_PASSWORD).")
    String mqttUsername;

    @Option(names = "--speed", defaultValue = "max", description = "max, realtime, or a factor such as 60 "
        + "(default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--mission", defaultValue = "unmiss", description = "Mission id for files that do not name one "
        + "(CSV; default: ${DEFAULT-VALUE}).")
    String mission;

    @Option(names = "--gateway", defaultValue = "gw-replay", description = "Gateway id for files that do not name "
        + "one (CSV; default: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--batch", defaultValue = "1000", description = "Most readings per message (default: "
        + "${DEFAULT-VALUE}).")
    int batch;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public ReplayCommand() {
        this(System.out, System.err);
    }

    ReplayCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws InterruptedException {
        ReplayOptions options;
        try {
            options = new ReplayOptions(file, PublisherSettings.publisher(config.load(), mqttUrl, mqttUsername),
                Speed.parse(speed), mission, gateway, batch);
        } catch (IllegalArgumentException e) {
            stderr.println("replay: " + e.getMessage());
            return 2;
        }
        ConsoleProgress progress = new ConsoleProgress(stderr);
        try {
            SimulationSummary summary = new Replayer().run(options, progress);
            progress.done();
            SummaryPrinter.print(summary, stdout);
            return 0;
        } catch (ReplayFormatException | TelemetrySinkException | IllegalArgumentException e) {
            progress.done();
            stderr.println("replay: " + e.getMessage());
            return 1;
        }
    }
}
