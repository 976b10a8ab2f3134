package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.MigrationReport;
import org.smartcamp.ingest.store.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smartcamp migrate}: brings the database schema up to date (TimescaleDB features where available). */
@Command(name = "migrate", description = "Create or upgrade the database schema; uses TimescaleDB hypertables, "
    + "compression and retention where the extension is available, plain PostgreSQL otherwise.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseConfig db = IngestSettings.database(config.load());
        try (HikariDataSource ds = DataSources.open(db, "smartcamp-migrate", false)) {
            MigrationReport report = new SchemaMigrator(db).migrate(ds);
            PrintWriter out = spec.commandLine().getOut();
            out.println("schema up to date: " + report);
        }
        return 0;
    }
}
