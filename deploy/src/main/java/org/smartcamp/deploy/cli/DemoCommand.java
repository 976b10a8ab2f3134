package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.demo.ComponentStack;
import org.smartcamp.deploy.demo.DemoPlan;
import org.smartcamp.platform.Durations;
import org.smartcamp.platform.ShutdownSignal;
import org.smartcamp.simulator.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smartcamp demo}: everything on one machine with one command. An embedded broker unless {@code mqtt.url}
 * is configured, the configured (or local) database created and migrated, the ingest, analytics and API, and a
 * simulated camp feeding them; Ctrl-C stops it all in reverse order, the ingest committing its batch in flight.
 */
@Command(name = "demo", description = "Run SmartCamp on this machine with a simulated camp feeding it: embedded MQTT "
    + "broker (unless mqtt.url is set), the configured or local PostgreSQL (database created if missing), ingest, "
    + "analytics and API. Ctrl-C stops everything cleanly.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--scenario", defaultValue = "small-outpost",
        description = "Bundled scenario or scenario file of the simulated camp (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--history", defaultValue = "7d",
        description = "History the camp back-fills at full speed before it runs live (default: ${DEFAULT-VALUE}).")
    String history;

    @Option(names = "--live", defaultValue = "30d",
        description = "How long the camp then runs live, in real time (default: ${DEFAULT-VALUE}).")
    String live;

    @Option(names = "--broker-port", defaultValue = "1883",
        description = "Port of the embedded broker; a free one if it is taken (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        DemoPlan.DemoOptions options;
        try {
            options = new DemoPlan.DemoOptions(scenario, Durations.parse("--history", history),
                Durations.parse("--live", live),
                brokerPort);
        } catch (IllegalArgumentException | ScenarioException e) {
            throw new ConfigException("demo: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ComponentStack stack = new ComponentStack();
        // Ctrl-C and SIGTERM stop everything in reverse order, then let the JVM exit.
        ShutdownSignal stopped = ShutdownSignal.onShutdown(() -> {
            if (stack.stopAll() > 0) {
                out.println("SmartCamp demo stopped");
                out.flush();
            }
        });
        stack.startAll(DemoPlan.components(config.load(), options, Clock.systemUTC()));
        out.println("SmartCamp demo running (Ctrl-C stops it):");
        stack.describe().forEach(line -> out.println("  " + line));
        out.flush();
        stopped.await();
        return 0;
    }
}
