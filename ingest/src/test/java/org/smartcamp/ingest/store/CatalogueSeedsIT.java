package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.testsupport.TestDatabase;

/** The database's asset kinds and metrics are the catalogue's, on a fresh database and on one migrated in place. */
class CatalogueSeedsIT {

    @Test
    void aFreshDatabaseHoldsExactlyTheCatalogue() throws SQLException {
        try (TestDatabase db = TestDatabase.create("cataloguefresh"); HikariDataSource ds = dataSource(db)) {
            SchemaMigrator.withRetention(null).migrate(ds);
            try (Connection c = ds.getConnection()) {
                assertThat(CatalogueCheck.differences(c)).isEmpty();
            }
            assertThat(db.queryLong("SELECT count(*) FROM asset_kinds")).isEqualTo(AssetKind.values().length + 1);
            assertThat(db.queryLong("SELECT count(*) FROM metrics WHERE registered"))
                .isEqualTo(Metric.values().length);
            assertThat(db.queryString("SELECT string_agg(name, ',' ORDER BY name) FROM metrics WHERE personal"))
                .as("positions are personal data, seeded from the catalogue").isEqualTo("vehicle.lat,vehicle.lon");
            db.execute("INSERT INTO missions (id, name) VALUES ('m1', 'm1')");
            db.execute("INSERT INTO camps (id, mission_id, name) VALUES ('c1', 'm1', 'c1')");
            db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('wp-1', 'c1', 'water_pump')");
            assertThatThrownBy(() -> db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('x-1', 'c1', 'pump')"))
                .hasMessageContaining("assets_kind_fkey");
        }
    }

    @Test
    void theCheckNamesEveryDifference() throws SQLException {
        try (TestDatabase db = TestDatabase.create("cataloguedrift"); HikariDataSource ds = dataSource(db)) {
            SchemaMigrator.withRetention(null).migrate(ds);
            db.execute("UPDATE metrics SET unit = 'l' WHERE name = 'fuel.volume'");
            db.execute("UPDATE asset_kinds SET label_fr = 'Pompe' WHERE code = 'water_pump'");
            db.execute("INSERT INTO asset_kinds (code, label_en, label_fr) VALUES ('crane', 'Crane', 'Grue')");
            db.execute("DELETE FROM metrics WHERE name = 'pump.flow_rate'");
            db.execute("UPDATE metrics SET personal = false WHERE name = 'vehicle.lon'");
            try (Connection c = ds.getConnection()) {
                assertThat(CatalogueCheck.seedingChangesRows(c)).isTrue();
                assertThat(CatalogueCheck.differences(c)).containsExactlyInAnyOrder(
                    "asset kind water_pump: label_fr is 'Pompe' in the database, 'Pompe à eau' in the catalogue",
                    "asset kind crane: in the database, not in the catalogue",
                    "metric fuel.volume: unit is 'l' in the database, 'L' in the catalogue",
                    "metric vehicle.lon: personal is 'false' in the database, 'true' in the catalogue",
                    "metric pump.flow_rate: in the catalogue, not in the database");
            }
            SchemaMigrator.withRetention(null).migrate(ds);
            try (Connection c = ds.getConnection()) {
                assertThat(CatalogueCheck.differences(c)).containsExactlyInAnyOrder(
                    "asset kind crane: in the database, not in the catalogue",
                    "metric fuel.volume: unit is 'l' in the database, 'L' in the catalogue");
                assertThat(CatalogueCheck.seedingChangesRows(c)).as("what is left is not the seeding's to change")
                    .isFalse();
            }
        }
    }

    @Test
    void aDatabaseOfTheEarlierSchemaMovesFromTheCheckToTheForeignKeyAndKeepsItsAssets() throws SQLException {
        try (TestDatabase db = TestDatabase.create("cataloguemigrate"); HikariDataSource ds = dataSource(db)) {
            SchemaMigrator.configuration(ds).target("9").load().migrate();
            db.execute("INSERT INTO missions (id, name) VALUES ('m1', 'm1')");
            db.execute("INSERT INTO camps (id, mission_id, name) VALUES ('c1', 'm1', 'c1')");
            db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('dg-1', 'c1', 'generator'), "
                + "('u-1', 'c1', 'unknown')");
            assertThatThrownBy(() -> db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('wp', 'c1', "
                + "'water_pump')")).hasMessageContaining("check");

            SchemaMigrator.withRetention(null).migrate(ds);

            assertThat(db.queryLong("SELECT count(*) FROM assets")).isEqualTo(2);
            assertThat(db.queryLong("SELECT count(*) FROM pg_constraint WHERE conrelid = 'assets'::regclass"
                + " AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'")).isZero();
            db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('wp-1', 'c1', 'water_pump')");
            try (Connection c = ds.getConnection()) {
                assertThat(CatalogueCheck.differences(c)).isEmpty();
            }
        }
    }

    private static HikariDataSource dataSource(TestDatabase db) {
        return DataSources.create(new DatabaseConfig(db.url(), db.user(), db.password(), 2, null));
    }
}
