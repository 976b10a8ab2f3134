package org.smartcamp.deploy.faults;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.SchemaMigrator;

/** A migrated database of its own for one case on the suite's PostgreSQL, and the checks of its end state. */
final class CaseStore implements AutoCloseable {
    private final DatabaseConfig config;
    private final HikariDataSource dataSource;

    private CaseStore(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /** Creates database {@code name} on {@code postgres} and applies SmartCamp's migrations. */
    static CaseStore create(LocalPostgres postgres, String name) throws SQLException {
        postgres.createDatabase(name);
        DatabaseConfig config = new DatabaseConfig(postgres.url(name), "postgres", "", 4, null);
        HikariDataSource ds = DataSources.create(config, "faults-" + name);
        ds.setConnectionTimeout(2_000);
        SchemaMigrator.withRetention(null).migrate(ds);
        return new CaseStore(config, ds);
    }

    /** What the ingest connects with. */
    DatabaseConfig config() {
        return config;
    }

    /** Rows in {@code readings}; -1 while the database cannot be reached. */
    long rows() {
        return count("readings");
    }

    /** Compares what is stored with {@code ledger}. */
    Outcome outcome(Ledger ledger) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            return ledger.outcome(c);
        }
    }

    /** Rows in {@code dead_letters}; -1 while the database cannot be reached. */
    long deadLetters() {
        return count("dead_letters");
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Rows of {@code dead_letters} per reason code. */
    Map<String, Long> deadLettersByReason() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reason_code, count(*) FROM dead_letters GROUP BY reason_code")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
