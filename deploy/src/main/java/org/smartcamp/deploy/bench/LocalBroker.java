package org.smartcamp.deploy.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of its own on a free port, configured as production should be for the ingest: no limit on the
 * messages queued for a slow or absent subscriber (Mosquitto's default of 1000 would drop the excess) and, when
 * persistent, a store on disk so that a restart keeps sessions and queued messages.
 */
public final class LocalBroker implements AutoCloseable {
    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;

    private LocalBroker(Path conf, Path log, int port) {
        this.conf = conf;
        this.log = log;
        this.port = port;
    }

    /** Starts a broker without persistence on a free port (the bench's). */
    static LocalBroker start(Path workDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return start(workDir, port, false);
    }

    /**
     * Starts {@code mosquitto} from the PATH on {@code port}, its configuration, log and (when {@code persistent})
     * store in {@code workDir}.
     *
     * @throws IOException when it is not installed or does not listen within 10 s
     */
    public static LocalBroker start(Path workDir, int port, boolean persistent) throws IOException,
            InterruptedException {
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1", "allow_anonymous true",
            "max_queued_messages 0", "max_inflight_messages 20", "log_dest stdout", "log_type error",
            "log_type warning", "log_type notice"));
        if (persistent) {
            lines.addAll(List.of("persistence true", "persistence_location " + workDir.toAbsolutePath() + "/"));
        } else {
            lines.add("persistence false");
        }
        lines.add("");
        Path conf = workDir.resolve("mosquitto-" + port + ".conf");
        Files.writeString(conf, String.join("\n", lines));
        LocalBroker broker = new LocalBroker(conf, workDir.resolve("mosquitto-" + port + ".log"), port);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                process = p;
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("mosquitto did not start on port " + port + " (see " + log + ")");
    }

    /** Its process id, or 0 while it is stopped. */
    public long pid() {
        return process == null ? 0 : process.pid();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops it with SIGTERM (a persistent broker writes its store first) and waits until it has exited. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Starts it again on the same port with the same configuration (and store). */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
