package org.smartcamp.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.bench.BenchOptions;
import org.smartcamp.deploy.bench.BenchReport;
import org.smartcamp.deploy.bench.BenchRunner;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.ingest.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smartcamp bench}: measures the ingest against its ceilings and a naive baseline, in one run. */
@Command(name = "bench", description = "Measure broker-only and database-only ceilings, end-to-end ingest "
    + "throughput, a naive baseline, latency at half load and ingest memory, with one message mix; prints a "
    + "markdown table and writes it to --out.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--readings", defaultValue = "1000000", description = "Readings per throughput phase.")
    long readings;

    @Option(names = "--per-message", defaultValue = "100", description = "Readings per gateway message.")
    int perMessage;

    @Option(names = "--gateways", defaultValue = "8", description = "Concurrent gateway connections.")
    int gateways;

    @Option(names = "--naive-readings", defaultValue = "20000", description = "Readings for the naive baseline.")
    int naiveReadings;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of the latency phase.")
    int latencySeconds;

    @Option(names = "--mqtt-url", description = "Use this broker (default: start a Mosquitto of the bench's own "
        + "with an unlimited subscriber queue).")
    String mqttUrl;

    @Option(names = "--out", description = "Write the results as markdown to this file (e.g. docs/benchmarks.md).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DatabaseConfig db = IngestSettings.database(config.load());
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("smartcamp-bench");
        BenchReport report = new BenchRunner(line -> {
            err.println("bench: " + line);
            err.flush();
        }).run(new BenchOptions(db, mqttUrl, readings, perMessage, gateways, naiveReadings, latencySeconds, work));
        String text = document(report);
        spec.commandLine().getOut().print(text);
        if (out != null) {
            Files.writeString(out, text);
        }
        return 0;
    }

    private String document(BenchReport report) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String command = "smartcamp bench --readings " + readings + " --per-message " + perMessage + " --gateways "
            + gateways + " --naive-readings " + naiveReadings + " --latency-seconds " + latencySeconds;
        return "# Benchmarks\n\nMeasured " + Instant.now() + " on " + InetAddress.getLocalHost().getHostName() + ": "
            + rt.availableProcessors() + " cores, " + memory() + " RAM, Java " + System.getProperty("java.version")
            + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ".\n\nCommand: `"
            + command + "` (database and broker from the configuration; every phase uses its own schema).\n\n"
            + report.markdown();
    }

    private static String memory() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Math.round(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024 / 1024) + " GiB";
            }
        }
        return "unknown";
    }
}
