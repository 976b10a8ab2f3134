package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.TestDatabase;

/**
 * Migration V11 (issue 15) converts a database of the earlier schema in place: asset ids become unique per camp,
 * and every row that named an asset by its id alone (figures, deliveries, the supply-tank link) keeps its data and
 * gains the asset's camp.
 */
class CampScopedIdsIT {

    @Test
    void migratingADatabaseOfTheEarlierSchemaKeepsEveryRowAndLetsASecondCampReuseAnId() {
        try (TestDatabase db = TestDatabase.create("campids");
             HikariDataSource ds = DataSources.create(new DatabaseConfig(db.url(), db.user(), db.password(), 2,
                 null))) {
            SchemaMigrator.configuration(ds).target(lastBefore(ds, "11")).load()
                .migrate();
            db.execute("INSERT INTO missions (id, name) VALUES ('m1', 'm1')");
            db.execute("INSERT INTO camps (id, mission_id, name) VALUES ('c-a', 'm1', 'c-a'), ('c-b', 'm1', 'c-b')");
            db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('tank-1', 'c-a', 'fuel_tank')");
            db.execute("INSERT INTO assets (id, camp_id, kind, supply_tank_id) VALUES ('dg-1', 'c-a', 'generator',"
                + " 'tank-1')");
            db.execute("INSERT INTO analytics_daily (subject_kind, subject_id, day, figure, value, coverage) VALUES"
                + " ('asset', 'dg-1', '2026-11-01', 'energy_kwh', 12, 1), ('camp', 'c-a', '2026-11-01', 'energy_kwh',"
                + " 12, 1), ('asset', 'gone-1', '2026-11-01', 'energy_kwh', 3, 1)");
            db.execute("INSERT INTO analytics_hourly (subject_kind, subject_id, hour, figure, value, coverage) VALUES"
                + " ('asset', 'dg-1', '2026-11-01T00:00:00Z', 'fuel_consumed_l', 4, 1)");
            db.execute("INSERT INTO analytics_current (subject_kind, subject_id, figure, value) VALUES"
                + " ('asset', 'dg-1', 'days_of_supply', 9)");
            db.execute("INSERT INTO fuel_deliveries (tank_id, delivered_at, litres) VALUES ('tank-1',"
                + " '2026-11-01T06:00:00Z', 500)");

            SchemaMigrator.withRetention(null).migrate(ds);

            assertThat(db.queryString("SELECT string_agg(subject_kind || ':' || camp_id || '/' || subject_id || '='"
                + " || value, ',' ORDER BY subject_kind, subject_id) FROM analytics_daily"))
                .isEqualTo("asset:c-a/dg-1=12,asset:/gone-1=3,camp:c-a/c-a=12");
            assertThat(db.queryString("SELECT camp_id FROM analytics_hourly")).isEqualTo("c-a");
            assertThat(db.queryString("SELECT camp_id FROM analytics_current")).isEqualTo("c-a");
            assertThat(db.queryString("SELECT camp_id || '/' || tank_id FROM fuel_deliveries")).isEqualTo("c-a/tank-1");

            db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('tank-1', 'c-b', 'fuel_tank')");
            db.execute("INSERT INTO assets (id, camp_id, kind, supply_tank_id) VALUES ('dg-1', 'c-b', 'generator',"
                + " 'tank-1')");
            db.execute("INSERT INTO analytics_daily (subject_kind, camp_id, subject_id, day, figure, value, coverage)"
                + " VALUES ('asset', 'c-b', 'dg-1', '2026-11-01', 'energy_kwh', 30, 1)");
            assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = 'dg-1'")).isEqualTo(2);
            assertThatThrownBy(() -> db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('dg-1', 'c-b',"
                + " 'generator')")).hasMessageContaining("assets_camp_asset_key");
            assertThatThrownBy(() -> db.execute("INSERT INTO assets (id, camp_id, kind, supply_tank_id) VALUES"
                + " ('dg-2', 'c-b', 'generator', 'tank-9')")).hasMessageContaining("assets_supply_tank_fkey");
        }
    }

    private static String lastBefore(HikariDataSource ds, String version) {
        return RegistryIdsIT.lastBefore(ds, version);
    }
}
