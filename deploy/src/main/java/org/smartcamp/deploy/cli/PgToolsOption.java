package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.smartcamp.deploy.backup.PgConnection;
import org.smartcamp.deploy.backup.PgTools;
import org.smartcamp.deploy.config.IngestSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What backup and restore share: the configured database, the {@code --pg-bin} option, progress on stderr. */
final class PgToolsOption {
    @Mixin
    ConfigOption config;

    @Option(names = "--pg-bin", paramLabel = "DIR",
        description = "Directory of pg_dump and pg_restore (default: the PATH), e.g. /usr/lib/postgresql/15/bin.")
    Path directory;

    /** The configured database as the PostgreSQL tools reach it. */
    PgConnection connection() {
        return PgConnection.of(IngestSettings.database(config.load()));
    }

    PgTools tools() {
        return new PgTools(directory);
    }

    /** Progress lines on stderr, prefixed with the command's name, so stdout keeps only the result. */
    static Consumer<String> progress(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        String prefix = spec.name() + ": ";
        return line -> {
            err.println(prefix + line);
            err.flush();
        };
    }
}
