package org.smartcamp.deploy.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the fault suite's own: {@code initdb} into a directory, started and stopped with
 * {@code pg_ctl} on a port of its own with trust authentication, so the suite can stop the database under a
 * running ingest without disturbing anybody else's. PostgreSQL refuses to run as root, so as root the binaries
 * run as the {@code postgres} OS user, which then owns the directory.
 */
final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The directory of {@code initdb}, {@code pg_ctl} and {@code postgres}, if PostgreSQL is installed. */
    static Optional<Path> binaries() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Optional.of(Path.of(out));
            }
        } catch (IOException | InterruptedException notThere) {
            // fall through to the Debian layout
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Path::compareTo);
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    /** Creates a cluster in {@code dir} (a fresh directory) and starts it on {@code port}. */
    static LocalPostgres create(Path bin, Path dir, int port) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
        pg.run("initdb", "-D", pg.data(), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync");
        pg.start();
        return pg;
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                + " -c max_connections=60 -c shared_buffers=64MB", "start");
    }

    /**
     * Stops the server the hard way ({@code immediate}: every session is cut, in-flight transactions are lost
     * and the next start runs crash recovery), as a crash or a power cut of the database host would.
     */
    void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    /** JDBC URL of {@code database} on this server. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database. */
    void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(tool + ".out").toFile())).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(tool + " failed; see " + dir.resolve(tool + ".out"));
        }
    }

    /** Stops the server and deletes its data; the logs are left in the directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
        try (Stream<Path> files = Files.walk(Path.of(data()))) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
