package org.smartcamp.deploy.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the bench's own on a free port, configured as production should be for the ingest: no limit on
 * the messages queued for a slow or absent subscriber (Mosquitto's default of 1000 would drop the excess).
 */
final class LocalBroker implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code mosquitto} from the PATH; fails when it is not installed or does not listen within 10 s. */
    static LocalBroker start(Path workDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = workDir.resolve("mosquitto-bench.conf");
        Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
            "persistence false", "max_queued_messages 0", "max_inflight_messages 20", "log_dest none", ""));
        Process p = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
            .redirectOutput(workDir.resolve("mosquitto-bench.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new LocalBroker(p, port);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("mosquitto did not start (see " + workDir.resolve("mosquitto-bench.log") + ")");
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
