package org.smartcamp.deploy.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.backup.Backup;
import org.smartcamp.deploy.backup.BackupException;
import org.smartcamp.deploy.backup.Manifest;
import org.smartcamp.deploy.backup.PgConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smartcamp backup}: pg_dump of the configured database, with a manifest to verify a restore against. */
@Command(name = "backup", description = "Back up the configured database with pg_dump (custom format) while it keeps "
    + "running, and write beside the dump a manifest (FILE.manifest.json): SmartCamp and schema versions, engine, "
    + "and every table's row count and checksum in the dump's own snapshot. smartcamp restore verifies against it. "
    + "The password reaches pg_dump through a password file, never the command line.")
final class BackupCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
        .withZone(ZoneOffset.UTC);

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
        description = "The dump to write (default: smartcamp-DATABASE-yyyyMMddTHHmmssZ.dump in the current "
            + "directory); never overwritten.")
    Path out;

    @Mixin
    PgToolsOption pg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PgConnection source = pg.connection();
        Path file = out != null ? out : Path.of("smartcamp-" + source.database() + "-" + STAMP.format(Instant.now())
            + ".dump");
        Manifest m;
        try {
            m = new Backup(source, pg.tools(), version(), PgToolsOption.progress(spec)).run(file);
        } catch (BackupException e) {
            throw new CommandException("backup: " + e.getMessage());
        }
        long rows = m.tables().stream().mapToLong(t -> t.rows()).sum();
        spec.commandLine().getOut().printf("backup of %s written: %s (%,.1f MB) and %s; %d tables, %,d rows, engine "
                + "%s, schema version %s; pg_dump %.1f s, counts and checksums %.1f s (in parallel), total %.1f s%n",
            m.database(), file, m.dumpBytes() / 1e6, Manifest.pathOf(file), m.tables().size(), rows, m.engine()
                + (m.timescaledb() != null ? " " + m.timescaledb() : ""), m.schemaVersion(), m.dumpSeconds(),
            m.checksumSeconds(), m.totalSeconds());
        return 0;
    }

    /** SmartCamp's version as {@code smartcamp --version} prints it. */
    static String version() {
        return new SmartCamp.Version().getVersion()[0];
    }
}
