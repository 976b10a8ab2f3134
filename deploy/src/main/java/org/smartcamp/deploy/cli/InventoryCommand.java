package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartcamp.analytics.job.SettingsCheck;
import org.smartcamp.analytics.job.standard.StandardAnalyzers;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.DeliverySource;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryException;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.platform.DataSources;
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
        checkAnalyticsSettings(inventory);
        DatabaseConfig db = IngestSettings.database(config.load());
        try (HikariDataSource ds = DataSources.open(db, "smartcamp-inventory", false)) {
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

    /**
     * Refuses, before anything is stored, an analytics setting that the analytics service would refuse at its start.
     *
     * @throws InventoryException naming the file, the camp or asset, and the key
     */
    private void checkAnalyticsSettings(Inventory inventory) {
        SettingsCheck check = new SettingsCheck(StandardAnalyzers.assets(),
            StandardAnalyzers.camps(DeliverySource.NONE));
        try {
            for (Inventory.Mission mission : inventory.missions()) {
                for (Inventory.Camp camp : mission.camps()) {
                    AnalyticsSettings campSettings = AnalyticsSettings.of(camp.analytics());
                    check.check("camp " + camp.id(), campSettings);
                    for (Inventory.Asset asset : camp.assets()) {
                        check.check("asset " + asset.id() + " (camp " + camp.id() + ")",
                            campSettings.with(asset.analytics()));
                    }
                }
            }
        } catch (SettingsException e) {
            throw new InventoryException(file + ": analytics " + e.getMessage() + "; nothing imported");
        }
    }
}
