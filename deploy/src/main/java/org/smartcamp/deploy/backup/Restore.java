package org.smartcamp.deploy.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores a backup made by {@link Backup} into a new or empty database with {@code pg_restore}, then checks it
 * against the manifest ({@link Verification}). Before touching anything it checks the dump against the manifest's
 * size and SHA-256, pg_restore's version against pg_dump's, the server's against the source's, the schema version
 * against this SmartCamp's migrations and, for a TimescaleDB backup, that the server offers the same extension
 * version. With TimescaleDB it follows the extension's documented procedure: create the extension at the backup's
 * version, {@code timescaledb_pre_restore()}, pg_restore, {@code timescaledb_post_restore()}.
 */
public final class Restore {
    static final String PG_RESTORE = "pg_restore";
    private static final Pattern TOOL_MAJOR = Pattern.compile("\\) (\\d+)");
    private static final Pattern EXTENSION_VERSION = Pattern.compile("[0-9A-Za-z.\\-]+");

    /** How to restore: drop and create the target first, leave owners and privileges out, parallel jobs. */
    public record Options(boolean clean, boolean noOwner, int jobs) {
    }

    /** What a restore did and how long each step took. */
    public record Result(Manifest manifest, boolean created, double restoreSeconds, double analyzeSeconds,
                         Verification.Report verification, String schemaNote) {
    }

    private final PgConnection target;
    private final PgTools tools;
    private final Consumer<String> progress;

    public Restore(PgConnection target, PgTools tools, Consumer<String> progress) {
        this.target = target;
        this.tools = tools;
        this.progress = progress;
    }

    /**
     * Restores {@code dump} into the configured database and verifies it.
     *
     * @throws BackupException when a check fails (nothing was changed then, but for a database created or cleaned
     *                         for the restore), pg_restore fails, or the restored database differs from the manifest
     *                         (the message names the tables)
     */
    public Result run(Path dump, Options options) throws InterruptedException {
        Manifest manifest = Manifest.read(Manifest.pathOf(dump));
        checkDump(dump, manifest);
        checkToolVersion(manifest);
        try {
            boolean created = Databases.prepare(target, options.clean(), progress);
            String schemaNote;
            try (Connection c = target.connect()) {
                Databases.requireEmpty(c, target.database());
                checkServer(c, manifest);
                schemaNote = SchemaVersions.check(target.dataSource(), manifest.schemaVersion(),
                    manifest.smartcampVersion());
            }
            long started = System.nanoTime();
            pgRestore(dump, manifest, options);
            double restoreSeconds = Backup.seconds(started);
            progress.accept(String.format("pg_restore done in %.1f s; analyzing", restoreSeconds));
            long analyzeStarted = System.nanoTime();
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            double analyzeSeconds = Backup.seconds(analyzeStarted);
            progress.accept("verifying every table against the manifest");
            Verification.Report report = new Verification(target).check(manifest);
            return new Result(manifest, created, restoreSeconds, analyzeSeconds, report, schemaNote);
        } catch (SQLException e) {
            throw new BackupException("database " + target.database() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("cannot run pg_restore: " + e.getMessage(), e);
        }
    }

    /** The dump must be the file the manifest describes, complete. */
    static void checkDump(Path dump, Manifest manifest) {
        try {
            if (!Files.isRegularFile(dump)) {
                throw new BackupException("no dump file " + dump);
            }
            long size = Files.size(dump);
            if (size != manifest.dumpBytes() || !Backup.sha256(dump).equals(manifest.dumpSha256())) {
                throw new BackupException("dump " + dump + " is not the file its manifest describes (" + size
                    + " bytes, the manifest says " + manifest.dumpBytes() + " and another SHA-256): truncated, "
                    + "damaged or replaced; restore another backup");
            }
        } catch (IOException e) {
            throw new BackupException("cannot read " + dump + ": " + e.getMessage(), e);
        }
    }

    /** pg_restore reads the archives of its own major version and older ones. */
    private void checkToolVersion(Manifest manifest) {
        int restoreMajor = tools.majorVersion(PG_RESTORE);
        Matcher m = TOOL_MAJOR.matcher(String.valueOf(manifest.pgDump()));
        if (m.find() && Integer.parseInt(m.group(1)) > restoreMajor) {
            throw new BackupException("version mismatch: the dump was made by " + manifest.pgDump() + " and "
                + "pg_restore is version " + restoreMajor + ": use pg_restore " + m.group(1) + " or newer (--pg-bin)");
        }
    }

    /** The server must be as new as the source, and offer the backup's TimescaleDB version when it has one. */
    private static void checkServer(Connection c, Manifest manifest) throws SQLException {
        int server = Databases.queryInt(c, "SELECT current_setting('server_version_num')::int");
        if (server / 10_000 < manifest.serverMajor()) {
            throw new BackupException("version mismatch: the backup comes from PostgreSQL " + manifest.serverMajor()
                + " and the target server runs " + server / 10_000 + ": restore into PostgreSQL "
                + manifest.serverMajor() + " or newer");
        }
        if (!Manifest.TIMESCALEDB.equals(manifest.engine())) {
            return;
        }
        String version = manifest.timescaledb();
        if (version == null || !EXTENSION_VERSION.matcher(version).matches()) {
            throw new BackupException("the manifest names TimescaleDB version '" + version + "', not a version");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(version, ', ' ORDER BY version),"
            + " bool_or(version = ?) FROM pg_available_extension_versions WHERE name = 'timescaledb'")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(2)) {
                    throw new BackupException("version mismatch: the backup holds TimescaleDB " + version + " and "
                        + "the target server offers " + (rs.getString(1) == null ? "no TimescaleDB" : "versions "
                        + rs.getString(1)) + ": install TimescaleDB " + version + " there (restore at the same "
                        + "version, then ALTER EXTENSION timescaledb UPDATE)");
                }
            }
        }
    }

    private void pgRestore(Path dump, Manifest manifest, Options options)
        throws SQLException, IOException, InterruptedException {
        boolean timescale = Manifest.TIMESCALEDB.equals(manifest.engine());
        if (timescale) {
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb VERSION '" + manifest.timescaledb() + "'");
                s.execute("SELECT timescaledb_pre_restore()");
            }
        }
        List<String> args = new ArrayList<>(List.of("--dbname=" + target.database(), "--no-password",
            "--exit-on-error"));
        if (options.jobs() > 1) {
            args.add("--jobs=" + options.jobs());
        }
        if (options.noOwner()) {
            args.addAll(List.of("--no-owner", "--no-privileges"));
        }
        args.add(dump.toString());
        progress.accept("pg_restore of " + dump + " into " + target.database()
            + (timescale ? " (TimescaleDB " + manifest.timescaledb() + ", pre- and post-restore steps)" : ""));
        PgTools.Run run = tools.run(PG_RESTORE, target, args);
        if (timescale) {
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("SELECT timescaledb_post_restore()");
            }
        }
        if (run.exit() != 0) {
            throw new BackupException("pg_restore failed (exit " + run.exit() + "): " + PgTools.errors(run.stderr(), 3)
                + "; database " + target.database() + " is incomplete: restore again with --clean");
        }
    }
}
