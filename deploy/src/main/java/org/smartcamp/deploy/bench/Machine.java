package org.smartcamp.deploy.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.StoreException;

/**
 * The machine a bench ran on, as the report states it: host, CPU model, cores, RAM, JDK, operating system, the
 * PostgreSQL server version and the storage engine (TimescaleDB installed or available, or plain PostgreSQL).
 */
public record Machine(String host, String cpu, int cores, String ram, String jdk, String os, String postgres,
                      String engine) {

    /**
     * Describes this machine and the configured database.
     *
     * @throws StoreException when the database cannot be reached
     */
    public static Machine describe(DatabaseConfig db) {
        String[] server = server(db);
        return new Machine(hostName(), cpuModel(), Runtime.getRuntime().availableProcessors(), memory(),
            System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), server[0], server[1]);
    }

    /** One markdown paragraph. */
    public String markdown() {
        return "Machine: " + host + ", " + cpu + ", " + cores + " cores (as the JVM sees them), " + ram + " RAM; JDK "
            + jdk + "; " + os + "; PostgreSQL " + postgres + ", engine " + engine + ".";
    }

    private static String[] server(DatabaseConfig db) {
        String version = "SELECT current_setting('server_version')";
        String timescale = "SELECT coalesce((SELECT 'TimescaleDB ' || extversion FROM pg_extension "
            + "WHERE extname = 'timescaledb'), (SELECT 'plain PostgreSQL (TimescaleDB ' || default_version "
            + "|| ' available, not installed)' FROM pg_available_extensions WHERE name = 'timescaledb'), "
            + "'plain PostgreSQL (no TimescaleDB)')";
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            return new String[] {first(s, version), first(s, timescale)};
        } catch (SQLException e) {
            throw new StoreException("bench: cannot read the database version: " + e.getMessage(), e);
        }
    }

    private static String first(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("CPU model unknown (" + System.getProperty("os.arch") + ")");
    }

    private static String memory() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:")
            .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024 / 1024))
            .orElse("unknown");
    }

    private static Optional<String> procLine(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
