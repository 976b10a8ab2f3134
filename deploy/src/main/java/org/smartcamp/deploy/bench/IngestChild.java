package org.smartcamp.deploy.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.smartcamp.ingest.store.DatabaseConfig;

/**
 * The ingest as production runs it: {@code smartcamp ingest} in a JVM of its own with a bounded heap, so its heap
 * and resident memory can be measured apart from the publishers, and so it can be killed with SIGKILL.
 */
public final class IngestChild implements AutoCloseable {
    public static final String HEAP = "512m";
    /** The JVM options that deploy/bin/smartcamp gives {@code smartcamp ingest} beside the heap (docs/deploy.md). */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
    /** The series {@link #metrics()} reads, in the order of {@link Metrics}' components (summed over tags). */
    private static final List<String> SERIES = List.of("smartcamp_ingest_messages_received_total",
        "smartcamp_ingest_readings_stored_total", "smartcamp_ingest_readings_duplicates_total",
        "smartcamp_ingest_queue_depth", "smartcamp_ingest_store_failures_total", "smartcamp_ingest_deadletters_total",
        "jvm_memory_used_bytes", "smartcamp_ingest_broker_connected");

    private final Process process;
    private final int port;
    private final File log;
    private final HttpClient http = HttpClient.newHttpClient();
    private double peakHeapBytes;

    /**
     * How to launch one ingest.
     *
     * @param db       the database (migrations are not run on start)
     * @param mqttUrl  the broker
     * @param clientId the MQTT client id: stable across a restart, so the broker keeps the session
     * @param mission  the mission whose telemetry it subscribes to
     * @param heap     the {@code -Xmx} value, e.g. {@code 256m}
     * @param settings further settings as {@code SMARTCAMP_*} environment variables, e.g. the shared group
     * @param log      where its output goes
     */
    public record Launch(DatabaseConfig db, String mqttUrl, String clientId, String mission, String heap,
                         Map<String, String> settings, Path log) {
        public Launch {
            settings = Map.copyOf(settings);
        }
    }

    /** What its metrics endpoint says at one moment (counters restart from zero with the process). */
    public record Metrics(double messagesReceived, double stored, double duplicates, double queueDepth,
                          double storeFailures, double deadLetters, double heapUsedBytes, boolean brokerConnected) {
    }

    private IngestChild(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static IngestChild start(DatabaseConfig db, String mqttUrl, String mission, Path workDir) throws Exception {
        return start(new Launch(db, mqttUrl, "bench-ingest-" + mission, mission, HEAP, Map.of(),
            workDir.resolve("bench-ingest-" + mission + ".log")));
    }

    /**
     * Starts the ingest and waits until it reports ready (connected and subscribed).
     *
     * @throws IllegalStateException when it exits or is not ready within 60 s (its log says why)
     */
    public static IngestChild start(Launch launch) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + launch.heap()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.smartcamp.deploy.cli.SmartCamp",
            "ingest"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SMARTCAMP_"));
        env.put("SMARTCAMP_DATABASE_URL", launch.db().url());
        env.put("SMARTCAMP_DATABASE_USER", launch.db().user());
        env.put("SMARTCAMP_DATABASE_PASSWORD", launch.db().password());
        env.put("SMARTCAMP_DATABASE_MIGRATE_ON_START", "false");
        env.put("SMARTCAMP_MQTT_URL", launch.mqttUrl());
        env.put("SMARTCAMP_MQTT_CLIENT_ID", launch.clientId());
        env.put("SMARTCAMP_MQTT_TOPIC_FILTER", "smartcamp/v1/" + launch.mission() + "/+/+/telemetry");
        env.put("SMARTCAMP_MQTT_SESSION_EXPIRY", "5m");
        env.put("SMARTCAMP_INGEST_HTTP_PORT", Integer.toString(port));
        env.putAll(launch.settings());
        File log = launch.log().toFile();
        IngestChild child = new IngestChild(pb.redirectErrorStream(true).redirectOutput(
            ProcessBuilder.Redirect.appendTo(log)).start(), port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!child.isReady()) {
            if (!child.process.isAlive() || System.nanoTime() > deadline) {
                child.close();
                throw new IllegalStateException("the ingest did not become ready; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return child;
    }

    /** Whether {@code /health/ready} answers 200 now; false when it answers otherwise or not at all. */
    public boolean isReady() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Readings committed so far (the ingest's own counter); also samples the heap in use. */
    double stored() throws IOException, InterruptedException {
        return metrics().stored();
    }

    /**
     * Reads the metrics endpoint; also samples the heap in use for {@link #peakHeapBytes()}.
     *
     * @throws IOException when the ingest does not answer (it is dead or stopped)
     */
    public Metrics metrics() throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        double[] v = new double[SERIES.size()];
        for (String line : text.split("\n")) {
            int end = line.indexOf(line.contains("{") ? '{' : ' ');
            int i = end > 0 ? SERIES.indexOf(line.substring(0, end)) : -1;
            if (i >= 0 && (!line.startsWith("jvm_") || line.contains("area=\"heap\""))) {
                v[i] += value(line);
            }
        }
        peakHeapBytes = Math.max(peakHeapBytes, v[6]);
        return new Metrics(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] == 1);
    }

    /** The highest heap in use seen by {@link #metrics()}. */
    public double peakHeapBytes() {
        return peakHeapBytes;
    }

    /** The process's peak resident set size (VmHWM), in bytes. */
    public double peakRssBytes() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
        for (String line : status) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return Double.NaN;
    }

    /** Its output so far. */
    public Path log() {
        return log.toPath();
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills it with SIGKILL (no shutdown hook, nothing committed or acknowledged) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** Stops it with SIGTERM (it commits what it holds), or SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
