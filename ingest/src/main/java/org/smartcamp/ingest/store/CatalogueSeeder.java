package org.smartcamp.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * Writes the catalogue's asset kinds ({@code asset_kinds}) and metrics ({@code metrics}) into the database from their
 * definition in code ({@link AssetKind}, {@link Metric}): in migration 10 ({@link CatalogueMigration}) and again after
 * every migration ({@link SchemaMigrator}), so a kind or metric added in code reaches every database at its next
 * {@code smartcamp migrate}. Idempotent, so several processes may run it at once; the migrator writes only when
 * {@link CatalogueCheck} finds a difference, so a service whose database user may not write the catalogue still
 * starts on a database in step.
 */
public final class CatalogueSeeder {
    private CatalogueSeeder() {
    }

    /** Creates {@code asset_kinds} (migration 10). */
    static void createKindTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(Sql.CREATE_ASSET_KINDS);
        }
    }

    /**
     * Puts every kind and metric of the catalogue in (an upsert: labels, descriptions and the personal flag follow
     * the code). Needs the schema of migration 23 ({@code metrics.personal}).
     */
    public static void seed(Connection c) throws SQLException {
        seedRows(c);
        markPersonal(c);
    }

    /** The kinds and metrics without the personal flag: migration 10 runs before its column exists. */
    static void seedRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.SEED_ASSET_KIND)) {
            for (AssetKind k : AssetKind.values()) {
                add(ps, k.code(), k.label("en"), k.label("fr"));
            }
            add(ps, AssetKind.UNKNOWN_CODE, "Not in the inventory", "Hors inventaire");
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(Sql.SEED_METRIC)) {
            for (Metric m : Metric.values()) {
                add(ps, m.wireName(), m.unit().symbol(), m.kind().code(), m.description());
            }
            ps.executeBatch();
        }
    }

    /** Sets {@code metrics.personal} of the catalogue's metrics as the code says (migration 23 and every seeding). */
    static void markPersonal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Sql.SEED_PERSONAL)) {
            for (Metric m : Metric.values()) {
                ps.setBoolean(1, m.personal());
                ps.setString(2, m.wireName());
                ps.setBoolean(3, m.personal());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Replaces every check constraint on {@code assets.kind} by a foreign key to {@code asset_kinds}. */
    public static void referenceKinds(Connection c) throws SQLException {
        List<String> checks = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.KIND_CHECKS)) {
            while (rs.next()) {
                checks.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : checks) {
                s.execute(Sql.DROP_ASSET_CONSTRAINT + '"' + name.replace("\"", "\"\"") + '"');
            }
            s.execute(Sql.KIND_FOREIGN_KEY);
        }
    }

    private static void add(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
        }
        ps.addBatch();
    }
}
