package org.smartcamp.ingest.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Mosquitto started by a test from a configuration file, stopped on close: the broker of the tests when no
 * broker is configured and no Docker engine runs ({@link TestServices}), and the shipped ACL'd broker of deploy's
 * tests.
 */
public final class MosquittoProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private MosquittoProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The mosquitto executable ({@code /usr/sbin/mosquitto} or on the PATH), if installed. */
    public static Optional<Path> executable(String name) {
        return Stream.concat(Stream.of("/usr/sbin", "/usr/bin", "/usr/local/sbin"),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")))
            .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /** Starts {@code mosquitto -c conf} and waits until every port in {@code ports} accepts connections. */
    public static MosquittoProcess start(Path conf, Path log, int... ports) throws IOException {
        return start(executable("mosquitto").orElseThrow(() -> new IOException("mosquitto is not installed")), conf,
            log, ports);
    }

    /** Starts {@code exe -c conf} and waits until every port in {@code ports} accepts connections. */
    public static MosquittoProcess start(Path exe, Path conf, Path log, int... ports) throws IOException {
        Process p = new ProcessBuilder(exe.toString(), "-c", conf.toString()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        MosquittoProcess broker = new MosquittoProcess(p, log);
        try {
            Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                .until(() -> !p.isAlive() || listening(ports));
        } catch (ConditionTimeoutException e) {
            broker.close();
            throw new IOException("mosquitto did not listen within 10 s: " + broker.log());
        }
        if (!p.isAlive()) {
            throw new IOException("mosquitto exited: " + broker.log());
        }
        return broker;
    }

    /** What the broker logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int... ports) {
        for (int port : ports) {
            if (!accepts(port)) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
