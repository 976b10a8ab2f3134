package org.smartcamp.deploy.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.MigrationReport;
import org.smartcamp.ingest.store.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's database: created if missing, migrated, and the simulated camp's inventory registered. */
final class DatabaseStep implements DemoComponent {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStep.class);

    private final DatabaseConfig db;
    private final Inventory inventory;
    private String engine = "";

    DatabaseStep(DatabaseConfig db, Inventory inventory) {
        this.db = db;
        this.inventory = inventory;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void start() {
        LocalDatabase.ensureExists(db);
        try (HikariDataSource ds = DataSources.open(db, "smartcamp-demo", false)) {
            MigrationReport report = new SchemaMigrator(db).migrate(ds);
            engine = report.toString();
            LOG.info("Demo inventory registered: {}", new InventoryImporter(ds).importInventory(inventory));
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public List<String> describe() {
        return List.of("database:      " + db.url() + " (" + engine + ")");
    }
}
