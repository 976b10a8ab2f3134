package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.smartcamp.deploy.bench.ApiBench;
import org.smartcamp.deploy.bench.ApiBenchOptions;
import org.smartcamp.deploy.bench.PeerBench;
import org.smartcamp.deploy.bench.BenchOptions;
import org.smartcamp.deploy.bench.BenchReport;
import org.smartcamp.deploy.bench.BenchRunner;
import org.smartcamp.deploy.bench.Machine;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.ingest.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smartcamp bench}: measures the ingest against its ceilings and a naive baseline, and the API's latency and
 * throughput on the analytics routes over a year of data, in one run.
 */
@Command(name = "bench", description = "Measure broker-only and database-only ceilings, end-to-end ingest "
    + "throughput, a naive baseline, latency at half load and ingest memory, with one message mix (part 'ingest'); "
    + "and the API's latency and throughput on the analytics routes under concurrent clients over a year of seeded "
    + "data (part 'api'); the batched Node-RED flow on the same workload (part 'peer'). Prints markdown with the "
    + "machine and the command, and writes it to --out.")
final class BenchCommand implements Callable<Integer> {
    static final String INGEST = "ingest";
    static final String API = "api";
    static final String PEER = "peer";
    private static final List<String> INGEST_OPTIONS = List.of("--readings", "--per-message", "--gateways",
        "--naive-readings", "--latency-seconds", "--mqtt-url");

    @Mixin
    ConfigOption config;

    @Option(names = "--parts", split = ",", defaultValue = "ingest,api",
        description = "Parts to run, comma separated: ingest, api, peer (the batched Node-RED flow on the ingest "
            + "part's workload, installed from npm; default: ingest,api).")
    List<String> parts;

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

    @Option(names = "--api-camps", defaultValue = "10", description = "API part: camps to seed.")
    int apiCamps;

    @Option(names = "--api-days", defaultValue = "365", description = "API part: days of rollups, figures and events.")
    int apiDays;

    @Option(names = "--api-raw-days", defaultValue = "7", description = "API part: days of raw readings.")
    int apiRawDays;

    @Option(names = "--api-raw-interval", defaultValue = "60",
        description = "API part: seconds between raw readings of one series.")
    int apiRawInterval;

    @Option(names = "--api-clients", split = ",", defaultValue = "8,32",
        description = "API part: concurrent clients, one level after the other.")
    List<Integer> apiClients;

    @Option(names = "--api-seconds", defaultValue = "40", description = "API part: seconds measured per level.")
    int apiSeconds;

    @Option(names = "--api-warmup-seconds", defaultValue = "15", description = "API part: warm-up seconds.")
    int apiWarmupSeconds;

    @Option(names = "--api-pool-size", defaultValue = "16", description = "API part: the API's database connections.")
    int apiPoolSize;

    @Option(names = "--out", description = "Write the results as markdown to this file (e.g. docs/benchmarks.md).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> unknown = parts.stream().filter(p -> !List.of(INGEST, API, PEER).contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--parts: unknown part(s) " + unknown
                + "; the parts are ingest, api and peer");
        }
        DatabaseConfig db = IngestSettings.database(config.load());
        ApiBenchOptions api = parts.contains(API) ? apiOptions(db) : null;
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = line -> {
            err.println("bench: " + line);
            err.flush();
        };
        StringBuilder text = new StringBuilder(header(db));
        double endToEnd = 0;
        if (parts.contains(INGEST)) {
            Path work = Files.createTempDirectory("smartcamp-bench");
            BenchReport report = new BenchRunner(progress).run(new BenchOptions(db, mqttUrl, readings, perMessage,
                gateways, naiveReadings, latencySeconds, work));
            endToEnd = PeerBench.endToEnd(report);
            text.append("## Ingest\n\n").append(report.markdown()).append('\n');
        }
        if (parts.contains(PEER)) {
            text.append(new PeerBench(progress).run(db, readings, perMessage, gateways, endToEnd)
                .markdown(perMessage, gateways));
        }
        if (api != null) {
            text.append(new ApiBench(progress).run(api).markdown());
        }
        spec.commandLine().getOut().print(text);
        if (out != null) {
            Files.writeString(out, text);
        }
        return 0;
    }

    /** The API part's options, checked before anything runs. */
    private ApiBenchOptions apiOptions(DatabaseConfig db) {
        try {
            return new ApiBenchOptions(db, apiCamps, apiDays, apiRawDays, apiRawInterval, apiClients,
                Duration.ofSeconds(apiSeconds), Duration.ofSeconds(apiWarmupSeconds), apiPoolSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The title, when, the machine, and the command line as given and with every option's effective value. */
    private String header(DatabaseConfig db) {
        StringBuilder effective = new StringBuilder("smartcamp bench");
        spec.options().stream().filter(o -> o.longestName().startsWith("--") && !o.usageHelp() && !o.versionHelp()
                && !"--config".equals(o.longestName()) && o.getValue() != null && appliesToParts(o.longestName()))
            .forEach(o -> effective.append(' ').append(o.longestName()).append(' ').append(value(o.getValue())));
        return "# Benchmarks\n\nMeasured " + Instant.now() + ".\n\n" + Machine.describe(db).markdown()
            + "\n\nCommand: `smartcamp " + String.join(" ", spec.commandLine().getParseResult().originalArgs())
            + "`, in full `" + effective + "` (database and broker from the "
            + "configuration; every part works in a schema of its own, dropped afterwards).\n\n";
    }

    /** Whether the option concerns a part that runs (the API part's options all start with --api-). */
    private boolean appliesToParts(String option) {
        boolean api = option.startsWith("--api-");
        boolean ingest = INGEST_OPTIONS.contains(option);
        return (!api || parts.contains(API)) && (!ingest || parts.contains(INGEST) || parts.contains(PEER));
    }

    private static String value(Object v) {
        return v instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(v);
    }
}
