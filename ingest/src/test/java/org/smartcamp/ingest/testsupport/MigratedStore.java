package org.smartcamp.ingest.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.SchemaMigrator;

/** A fresh schema of its own with SmartCamp's migrations applied, and a small pool into it. */
public final class MigratedStore implements AutoCloseable {
    private final TestDatabase db;
    private final HikariDataSource dataSource;

    private MigratedStore(TestDatabase db, HikariDataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** Creates the schema and migrates it (no retention). */
    public static MigratedStore create(String prefix) {
        TestDatabase db = TestDatabase.create(prefix);
        HikariDataSource ds = DataSources.create(new DatabaseConfig(db.url(), db.user(), db.password(), 2, null));
        SchemaMigrator.withRetention(null).migrate(ds);
        return new MigratedStore(db, ds);
    }

    public TestDatabase db() {
        return db;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        db.close();
    }
}
