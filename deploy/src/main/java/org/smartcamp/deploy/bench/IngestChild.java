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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.smartcamp.ingest.store.DatabaseConfig;

/**
 * The ingest as production runs it: {@code smartcamp ingest} in a JVM of its own with a 512 MB heap, so its heap
 * and resident memory can be measured apart from the bench's publishers.
 */
final class IngestChild implements AutoCloseable {
    static final String HEAP = "512m";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private double peakHeapBytes;

    private IngestChild(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static IngestChild start(DatabaseConfig db, String mqttUrl, String mission, Path workDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + HEAP, "-cp", System.getProperty("java.class.path"),
            "org.smartcamp.deploy.cli.SmartCamp", "ingest");
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCAMP_"));
        pb.environment().put("SMARTCAMP_DATABASE_URL", db.url());
        pb.environment().put("SMARTCAMP_DATABASE_USER", db.user());
        pb.environment().put("SMARTCAMP_DATABASE_PASSWORD", db.password());
        pb.environment().put("SMARTCAMP_DATABASE_MIGRATE_ON_START", "false");
        pb.environment().put("SMARTCAMP_MQTT_URL", mqttUrl);
        pb.environment().put("SMARTCAMP_MQTT_CLIENT_ID", "bench-ingest-" + mission);
        pb.environment().put("SMARTCAMP_MQTT_TOPIC_FILTER", "smartcamp/v1/" + mission + "/+/+/telemetry");
        pb.environment().put("SMARTCAMP_MQTT_SESSION_EXPIRY", "5m");
        pb.environment().put("SMARTCAMP_INGEST_HTTP_PORT", Integer.toString(port));
        File log = workDir.resolve("bench-ingest-" + mission + ".log").toFile();
        IngestChild child = new IngestChild(pb.redirectErrorStream(true).redirectOutput(log).start(), port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!child.ready()) {
            if (!child.process.isAlive() || System.nanoTime() > deadline) {
                child.close();
                throw new IllegalStateException("the ingest did not become ready; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return child;
    }

    private boolean ready() {
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
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        double heap = 0;
        double stored = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += value(line);
            } else if (line.startsWith("smartcamp_ingest_readings_stored_total")) {
                stored = value(line);
            }
        }
        peakHeapBytes = Math.max(peakHeapBytes, heap);
        return stored;
    }

    double peakHeapBytes() {
        return peakHeapBytes;
    }

    /** The process's peak resident set size (VmHWM), in bytes. */
    double peakRssBytes() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
        for (String line : status) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return Double.NaN;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
