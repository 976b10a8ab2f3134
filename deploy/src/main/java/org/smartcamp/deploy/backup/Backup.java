package org.smartcamp.deploy.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backs a database up with {@code pg_dump --format=custom} and writes its {@link Manifest} beside the dump. The
 * manifest's counts and checksums are computed in the very snapshot pg_dump reads: a read-only REPEATABLE READ
 * transaction exports its snapshot ({@code pg_export_snapshot()}), pg_dump imports it ({@code --snapshot}), and the
 * transaction computes the checksums while pg_dump runs, so they match the dump exactly even while the ingest keeps
 * writing. The dump is written under a temporary name, readable by its owner only, and renamed when complete.
 */
public final class Backup {
    static final String PG_DUMP = "pg_dump";
    private static final String SNAPSHOT = "SELECT pg_export_snapshot(), now(), current_setting('server_version_num')"
        + "::int, (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb')";
    private static final String SCHEMA_VERSION = "SELECT version FROM flyway_schema_history"
        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";

    private final PgConnection source;
    private final PgTools tools;
    private final String smartcampVersion;
    private final Consumer<String> progress;

    public Backup(PgConnection source, PgTools tools, String smartcampVersion, Consumer<String> progress) {
        this.source = source;
        this.tools = tools;
        this.smartcampVersion = smartcampVersion;
        this.progress = progress;
    }

    /**
     * Writes {@code out} and its manifest ({@link Manifest#pathOf}).
     *
     * @return the manifest written
     * @throws BackupException when either file exists already, pg_dump is missing, older than the server or fails,
     *                         or the database cannot be read
     */
    public Manifest run(Path out) throws InterruptedException {
        Path manifestFile = Manifest.pathOf(out);
        for (Path p : List.of(out, manifestFile)) {
            if (Files.exists(p)) {
                throw new BackupException(p + " exists already: choose another --out (a backup never overwrites one)");
            }
        }
        String pgDumpVersion = tools.versionText(PG_DUMP);
        long started = System.nanoTime();
        try (Connection c = source.connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            return inSnapshot(c, out, manifestFile, pgDumpVersion, started);
        } catch (SQLException e) {
            throw new BackupException("cannot read database " + source.database() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private Manifest inSnapshot(Connection c, Path out, Path manifestFile, String pgDumpVersion, long started)
        throws SQLException, IOException, InterruptedException {
        String snapshot;
        Instant at;
        int server;
        String timescale;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            rs.next();
            snapshot = rs.getString(1);
            at = rs.getTimestamp(2).toInstant();
            server = rs.getInt(3);
            timescale = rs.getString(4);
        }
        checkToolVersion(tools.majorVersion(PG_DUMP), server);
        String schemaVersion = schemaVersion(c);
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        progress.accept("pg_dump of " + source.database() + " in snapshot " + snapshot + " to " + out);
        long dumpStarted = System.nanoTime();
        PgTools.Started dump = tools.start(PG_DUMP, source, List.of("--format=custom", "--file=" + partial,
            "--snapshot=" + snapshot, "--no-password", "--dbname=" + source.database()));
        List<TableChecksums.TableSum> tables;
        try {
            tables = TableChecksums.all(c, timescale != null);
        } catch (SQLException e) {
            dump.process().destroy();
            dump.finish();
            PgTools.deleteQuietly(partial);
            throw e;
        }
        double checksumSeconds = seconds(dumpStarted);
        progress.accept(String.format("counted and checksummed %d tables in %.1f s; waiting for pg_dump",
            tables.size(), checksumSeconds));
        PgTools.Run run = dump.finish();
        double dumpSeconds = seconds(dumpStarted);
        c.commit();
        if (run.exit() != 0) {
            PgTools.deleteQuietly(partial);
            throw dumpFailure(run);
        }
        String sha256 = sha256(partial);
        long bytes = Files.size(partial);
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        Manifest manifest = new Manifest(Manifest.FORMAT, smartcampVersion, at, source.database(), server,
            timescale != null ? Manifest.TIMESCALEDB : Manifest.POSTGRESQL, timescale, schemaVersion, pgDumpVersion,
            out.getFileName().toString(), bytes, sha256, TableChecksums.METHOD, tables, dumpSeconds, checksumSeconds,
            seconds(started));
        manifest.write(manifestFile);
        return manifest;
    }

    /** pg_dump refuses a server of a newer major version; say so before it starts, with what to do. */
    private static void checkToolVersion(int toolMajor, int serverVersion) {
        if (toolMajor < serverVersion / 10_000) {
            throw new BackupException("pg_dump " + toolMajor + " is older than the database server ("
                + serverVersion / 10_000 + "): install the client tools of version " + serverVersion / 10_000
                + " or newer and name their directory with --pg-bin");
        }
    }

    private static BackupException dumpFailure(PgTools.Run run) {
        String why = PgTools.errors(run.stderr(), 3);
        if (run.stderr().contains("server version mismatch")) {
            return new BackupException("pg_dump is older than the database server: " + why + " (use the client "
                + "tools of the server's version, --pg-bin)");
        }
        return new BackupException("pg_dump failed (exit " + run.exit() + "): " + why);
    }

    /** The schema version Flyway recorded, or {@code null} when the database has no SmartCamp schema. */
    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SCHEMA_VERSION)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The SHA-256 of a file, hexadecimal. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static double seconds(long sinceNanos) {
        return Math.round((System.nanoTime() - sinceNanos) / 1e8) / 10.0;
    }
}
