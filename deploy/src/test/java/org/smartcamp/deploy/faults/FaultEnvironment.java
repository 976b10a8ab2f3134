package org.smartcamp.deploy.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.smartcamp.deploy.bench.IngestChild;
import org.smartcamp.deploy.bench.LocalBroker;

/**
 * The fault suite's own services: a PostgreSQL cluster and a Mosquitto with persistence on (and no cap on queued
 * messages), on ports of their own ({@code smartcamp.faults.pgPorts}, default 5440-5449, and
 * {@code smartcamp.faults.mqttPorts}, default 1890-1899, the first free one of each), so that the suite can stop
 * and restart them without touching the machine's shared services. The test class is skipped when
 * PostgreSQL's server binaries or {@code mosquitto} are not installed.
 */
final class FaultEnvironment implements AutoCloseable {
    private final Path workDir;
    private final LocalPostgres postgres;
    private final LocalBroker broker;
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    private FaultEnvironment(Path workDir, LocalPostgres postgres, LocalBroker broker) {
        this.workDir = workDir;
        this.postgres = postgres;
        this.broker = broker;
    }

    /** Starts both services, or skips the calling test class when they are not installed. */
    static FaultEnvironment start() throws IOException, InterruptedException {
        Optional<Path> bin = LocalPostgres.binaries();
        assumeTrue(bin.isPresent(), "fault suite skipped: PostgreSQL server binaries (initdb, pg_ctl) not found"
            + " via pg_config --bindir or /usr/lib/postgresql/*/bin");
        assumeTrue(onPath("mosquitto"), "fault suite skipped: mosquitto is not on the PATH");
        Path work = Files.createTempDirectory("smartcamp-faults-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path pgDir = Files.createDirectory(work.resolve("pg"));
        LocalPostgres pg = LocalPostgres.create(bin.get(), pgDir, freePort("smartcamp.faults.pgPorts", "5440-5449"));
        // Mosquitto started as root runs as user mosquitto, which must be able to write its store.
        Path mqttDir = Files.createDirectory(work.resolve("mqtt"));
        Files.setPosixFilePermissions(mqttDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            return new FaultEnvironment(work, pg, LocalBroker.start(mqttDir, freePort("smartcamp.faults.mqttPorts",
                "1890-1899"), true));
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    LocalPostgres postgres() {
        return postgres;
    }

    LocalBroker broker() {
        return broker;
    }

    /** A fresh, migrated database for one case, closed with the environment. */
    CaseStore store(String name) throws SQLException {
        CaseStore store = CaseStore.create(postgres, name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
        closeLater.add(store);
        return store;
    }

    /** A mission id of its own for one case. */
    static String mission(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Starts {@code smartcamp ingest} in a JVM of its own (heap {@link FaultProfile#HEAP}, receive maximum
     * {@link FaultProfile#RECEIVE_MAXIMUM}) on {@code store}, subscribed to {@code mission}; stopped with the
     * environment unless killed before.
     */
    IngestChild ingest(CaseStore store, String mission, String clientId, Map<String, String> settings)
            throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(Map.of("SMARTCAMP_MQTT_RECEIVE_MAXIMUM",
            Integer.toString(FaultProfile.RECEIVE_MAXIMUM)));
        all.putAll(settings);
        IngestChild child = IngestChild.start(new IngestChild.Launch(store.config(), broker.url(), clientId, mission,
            FaultProfile.HEAP, all, workDir.resolve(clientId + ".log")));
        closeLater.add(child);
        return child;
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public void close() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        broker.close();
        postgres.close();
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The first port of the range in {@code property} (e.g. {@code 5440-5449}) that is free on 127.0.0.1. */
    private static int freePort(String property, String range) throws IOException {
        String[] bounds = System.getProperty(property, range).split("-");
        for (int port = Integer.parseInt(bounds[0]); port <= Integer.parseInt(bounds[bounds.length - 1]); port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in " + System.getProperty(property, range) + " (-D" + property + ")");
    }
}
