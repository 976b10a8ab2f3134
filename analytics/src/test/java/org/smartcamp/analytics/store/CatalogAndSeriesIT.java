package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.job.AnalyticsMetrics;
import org.smartcamp.analytics.job.AnalyticsPass;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** The registry as the analytics read it, and stored readings and rollups read back as series. */
class CatalogAndSeriesIT {
    private static final String INVENTORY = """
        missions:
          - id: m1
            camps:
              - id: c1
                analytics: {fuel.theftMinLitres: 30, quality.staleAfter: 45m}
                assets:
                  - {id: c1-gen, kind: generator, rated_kw: 60, fuel_curve: {f0: 0.08, f1: 0.25}, tank: c1-day,
                     analytics: {fuel.theftMinLitres: 20}, attributes: {serial: S-1}}
                  - {id: c1-day, kind: fuel_tank, capacity_l: 1000, supply_tank: c1-bulk,
                     strapping: [[0, 0], [1000, 1000]]}
                  - {id: c1-bulk, kind: fuel_tank, capacity_l: 20000}
        """;
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static MigratedStore store;
    private static DataSource ds;
    private static Catalog catalog;

    @BeforeAll
    static void setUp() throws SQLException {
        store = MigratedStore.create("catalog");
        ds = store.dataSource();
        new InventoryImporter(ds).importInventory(InventoryLoader.parse("c1.yaml", INVENTORY));
        catalog = new AssetCatalog(ds).load();
        int gen = catalog.asset("c1", "c1-gen").orElseThrow().ref();
        int power = (int) store.db().queryLong("SELECT id FROM metrics WHERE name = 'power.active'");
        int energy = (int) store.db().queryLong("SELECT id FROM metrics WHERE name = 'energy.active'");
        List<Readings.Row> rows = new ArrayList<>();
        for (int m = 0; m < 180; m++) {
            rows.add(new Readings.Row(gen, power, T0.plusSeconds(60L * m), m, T0.plusSeconds(60L * m)));
            rows.add(new Readings.Row(gen, energy, T0.plusSeconds(60L * m), 1000 + m, T0.plusSeconds(60L * m)));
        }
        // A second reading within the same millisecond as another (stored apart, at microseconds).
        rows.add(new Readings.Row(gen, power, T0.plusSeconds(60).plusNanos(400_000), -1, T0.plusSeconds(61)));
        Readings.insert(ds, rows);
        new AnalyticsPass(new ArrivalScanner(ds, Duration.ofDays(90)), new Watermarks(ds),
            new WatermarkPolicy(Duration.ZERO), new RollupMaintainer(ds), null, AnalyticsMetrics.NONE,
            Clock.systemUTC()).run(false);
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void assetsCarryTheirTypedPropertiesSupplyTankAndTheirCampsSettingsUnderTheirOwn() {
        AssetInfo gen = catalog.asset("c1", "c1-gen").orElseThrow();
        AssetInfo day = catalog.asset("c1", "c1-day").orElseThrow();

        assertThat(gen.ratedKw()).isEqualTo(60);
        assertThat(gen.fuelF1()).isEqualTo(0.25);
        assertThat(gen.supplyTankId()).isEqualTo("c1-day");
        assertThat(gen.attributes()).containsOnly(Map.entry("serial", "S-1"));
        assertThat(gen.settings().asMap()).containsOnly(Map.entry("fuel.theftMinLitres", "20"),
            Map.entry("quality.staleAfter", "45m"));
        assertThat(day.settings().asMap()).containsEntry("fuel.theftMinLitres", "30");
        assertThat(day.supplyTankId()).isEqualTo("c1-bulk");
        assertThat(day.strapping()).hasSize(2);
        assertThat(day.capacityL()).isEqualTo(1000);
        assertThat(catalog.assetsOf("c1")).hasSize(3);
        assertThat(catalog.camp("c1").orElseThrow().missionId()).isEqualTo("m1");
        assertThat(catalog.camp("c1").orElseThrow().settings().asMap()).containsEntry("quality.staleAfter", "45m");
    }

    @Test
    void seriesComeOrderedByEventTimeKeepingTheFirstReadingOfAMillisecond() {
        SeriesReader reader = new SeriesReader(ds);
        AssetInfo gen = catalog.asset("c1", "c1-gen").orElseThrow();

        Series power = reader.series(gen, "power.active", T0, T0.plusSeconds(3600));
        Map<String, Series> both = reader.series(gen, List.of("power.active", "energy.active"), T0.plusSeconds(7200),
            T0.plusSeconds(7 * 3600));

        assertThat(power.size()).isEqualTo(60);
        assertThat(power.value(1)).isEqualTo(1);
        assertThat(power.time(59)).isEqualTo(T0.plusSeconds(59 * 60).toEpochMilli());
        assertThat(both.get("energy.active").size()).isEqualTo(60);
        assertThat(both.get("energy.active").value(0)).isEqualTo(1120);
        assertThat(reader.metrics(gen, T0.plusSeconds(3600), T0.plusSeconds(7200)))
            .containsExactly("energy.active", "power.active");
        assertThat(reader.series(gen, "fuel.volume", T0, T0.plusSeconds(3600)).isEmpty()).isTrue();
    }

    @Test
    void rollupsAndTheCampsActivityAreReadBack() {
        SeriesReader reader = new SeriesReader(ds);
        AssetInfo gen = catalog.asset("c1", "c1-gen").orElseThrow();

        List<Rollup> hourly = reader.rollups(gen, "energy.active", false, T0, T0.plusSeconds(4 * 3600));
        List<Rollup> daily = reader.rollups(gen, "energy.active", true, T0, T0.plusSeconds(86_400));
        List<Instant> bins = reader.activity(catalog.assetsOf("c1"), T0.plusSeconds(3600), T0.plusSeconds(7200));

        assertThat(hourly).hasSize(3);
        assertThat(hourly.get(1)).isEqualTo(new Rollup(T0.plusSeconds(3600), 60, 1089.5, 1060, 1119, 1060, 1119));
        assertThat(daily).containsExactly(new Rollup(T0, 180, 1089.5, 1000, 1179, 1000, 1179));
        assertThat(bins).hasSize(12).startsWith(T0.plusSeconds(3600), T0.plusSeconds(3900));
    }
}
