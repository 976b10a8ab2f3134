package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.backup.BackupException;
import org.smartcamp.deploy.backup.Manifest;
import org.smartcamp.deploy.backup.PgConnection;
import org.smartcamp.deploy.backup.Restore;
import org.smartcamp.deploy.backup.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smartcamp restore}: pg_restore of a backup into a new or empty database, then a check against its manifest.
 */
@Command(name = "restore", description = "Restore a dump made by smartcamp backup into the configured database "
    + "(created when missing; refused when it holds tables, unless --clean), with TimescaleDB's pre- and "
    + "post-restore steps when the backup has the extension, then verify every table's row count and checksum "
    + "against the manifest. Exits non-zero naming the table when one differs.")
final class RestoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DUMP", description = "The dump file; its manifest DUMP.manifest.json must be beside it.")
    Path dump;

    @Option(names = "--clean", description = "Drop the configured database and create it again before restoring "
        + "(refused while any session is connected to it).")
    boolean clean;

    @Option(names = "--no-owner", description = "Restore without the source's owners and privileges (when the "
        + "source's roles do not exist here).")
    boolean noOwner;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", description = "Parallel pg_restore jobs (default: 1).")
    int jobs;

    @Option(names = "--verify-only", description = "Restore nothing: only check the configured database against the "
        + "manifest.")
    boolean verifyOnly;

    @Mixin
    PgToolsOption pg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PgConnection target = pg.connection();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (verifyOnly) {
                Manifest manifest = Manifest.read(Manifest.pathOf(dump));
                Verification.Report report = new Verification(target).check(manifest);
                out.printf("database %s matches the backup of %s taken %s: %s%n", target.database(),
                    manifest.database(), manifest.createdAt(), verified(report));
                return 0;
            }
            Restore.Result r = new Restore(target, pg.tools(), PgToolsOption.progress(spec)).run(dump,
                new Restore.Options(clean, noOwner, Math.max(1, jobs)));
            out.printf("restored %s (backup of %s taken %s, engine %s, schema version %s) into %s%s: pg_restore "
                    + "%.1f s, analyze %.1f s; verified: %s%n", dump, r.manifest().database(), r.manifest().createdAt(),
                r.manifest().engine(), r.manifest().schemaVersion(), target.database(), r.created() ? " (created)" : "",
                r.restoreSeconds(), r.analyzeSeconds(), verified(r.verification()));
            if (r.schemaNote() != null) {
                out.println("note: " + r.schemaNote());
            }
            return 0;
        } catch (BackupException e) {
            throw new CommandException("restore: " + e.getMessage());
        }
    }

    private static String verified(Verification.Report report) {
        return String.format("%d tables, %,d rows, counts and checksums equal (%.1f s)", report.tables(),
            report.rows(), report.seconds());
    }
}
