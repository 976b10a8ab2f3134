package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.accuracy.AccuracyHarness;
import org.smartcamp.deploy.accuracy.AccuracyReport;
import org.smartcamp.deploy.accuracy.RunResult;
import org.smartcamp.deploy.bench.Machine;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.ingest.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smartcamp accuracy}: runs the bundled scenarios end to end (ingest pipeline, store, analytics job) with
 * several seeds and prints the analytics against the ground truth, with the targets; exit code 1 when a target is
 * missed.
 */
@Command(name = "accuracy", description = "Run the bundled scenarios through ingest, store and the analytics job "
    + "with several seeds and compare the stored figures and events with the simulator's ground truth; prints a "
    + "markdown report and writes it to --out. Exit code 1 when a target is missed.")
final class AccuracyCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--scenarios", split = ",", defaultValue = "small-outpost,battalion-camp,logistics-hub,"
        + "gauge-trouble-outpost,load-following-pair,hybrid-cycle-charging",
        description = "Bundled scenarios to run (default: all six, the adversarial gauge-trouble-outpost, "
            + "load-following-pair and hybrid-cycle-charging beside the other three).")
    List<String> scenarios;

    @Option(names = "--seeds", split = ",", defaultValue = "11,22,33", description = "Seeds of each scenario.")
    List<Long> seeds;

    @Option(names = "--days", description = "Simulated days of every run (default: 10, 7 for the battalion camp, "
        + "so that leaks starting on day five or six have three days to be found).")
    Integer days;

    @Option(names = "--out", description = "Write the report as markdown to this file "
        + "(e.g. docs/analytics-accuracy.md).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatabaseConfig db = IngestSettings.database(config.load());
        PrintWriter err = spec.commandLine().getErr();
        AccuracyHarness harness = new AccuracyHarness(db, Clock.systemUTC());
        List<RunResult> runs = new ArrayList<>();
        for (String scenario : scenarios) {
            for (long seed : seeds) {
                err.printf("accuracy: %s seed %d ...%n", scenario, seed);
                err.flush();
                runs.add(harness.run(scenario, seed, Duration.ofDays(days != null ? days
                    : AccuracyHarness.defaultDays(scenario))));
            }
        }
        AccuracyReport report = new AccuracyReport(runs);
        String command = "smartcamp accuracy --scenarios " + String.join(",", scenarios) + " --seeds "
            + String.join(",", seeds.stream().map(String::valueOf).toList()) + (days == null ? "" : " --days " + days);
        String text = report.markdown(command, "runs ending " + LocalDate.now(ZoneOffset.UTC) + ". "
            + Machine.describe(db).markdown());
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        if (out != null) {
            Files.writeString(out, text);
        }
        return report.misses().isEmpty() ? 0 : 1;
    }
}
