package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.store.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smartcamp inventory FILE}: registers the missions, camps and assets of an inventory file. */
@Command(name = "inventory", description = "Register (or update) missions, camps and assets from an inventory "
    + "file (YAML or JSON; see deploy/config/inventory.example.yaml).")
final class InventoryCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "FILE", description = "The inventory file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inventory inventory = InventoryLoader.load(file);
        DatabaseConfig db = IngestSettings.database(config.load());
        try (HikariDataSource ds = DataSources.create(db, "smartcamp-inventory")) {
            DataSources.checkReachable(ds, db);
            InventoryImporter importer = new InventoryImporter(ds);
            spec.commandLine().getOut().println("inventory imported: " + importer.importInventory(inventory));
            for (InventoryImporter.ProvisionalAsset a : importer.provisionalAssets()) {
                spec.commandLine().getOut().println("provisional asset (no inventory names it): " + a.id()
                    + ", first seen in camp " + a.firstSeenIn() + ", " + a.readingsQuarantined()
                    + " readings quarantined");
            }
        }
        return 0;
    }
}
