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
    private static final String STORED = "SELECT a.id AS asset, m.name AS metric, r.ts, r.value FROM readings r"
        + " JOIN assets a ON a.ref = r.asset_ref JOIN metrics m ON m.id = r.metric_id";
    private static final String OUTCOME = "WITH s AS (" + STORED + ") SELECT"
        + " (SELECT count(*) FROM published),"
        + " (SELECT count(*) FROM readings),"
        + " (SELECT count(*) FROM published p WHERE NOT EXISTS (SELECT 1 FROM s"
        + "   WHERE s.asset = p.asset AND s.metric = p.metric AND s.ts = p.ts)),"
        + " (SELECT count(*) FROM s WHERE NOT EXISTS (SELECT 1 FROM published p"
        + "   WHERE s.asset = p.asset AND s.metric = p.metric AND s.ts = p.ts)),"
        + " (SELECT count(*) FROM (SELECT 1 FROM readings GROUP BY asset_ref, metric_id, ts HAVING count(*) > 1) d),"
        + " (SELECT count(*) FROM published p JOIN s USING (asset, metric, ts) WHERE s.value <> p.value),"
        + " (SELECT count(*) FROM dead_letters)";

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
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM readings")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Compares what is stored with {@code ledger}, row by row. */
    Outcome outcome(Ledger ledger) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            ledger.load(c);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OUTCOME)) {
                rs.next();
                return new Outcome(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7));
            }
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
