package org.smartcamp.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.analytics.job.standard.StandardAnalyzers;
import org.smartcamp.analytics.store.DeliverySource;
import org.smartcamp.analytics.store.ArrivalScanner;
import org.smartcamp.analytics.store.AssetCatalog;
import org.smartcamp.analytics.store.EventStore;
import org.smartcamp.analytics.store.FigureStore;
import org.smartcamp.analytics.store.Readings;
import org.smartcamp.analytics.store.RollupMaintainer;
import org.smartcamp.analytics.store.SeriesReader;
import org.smartcamp.analytics.store.WatermarkPolicy;
import org.smartcamp.analytics.store.Watermarks;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.store.AssetRegistry;
import org.smartcamp.ingest.store.CopyBatchWriter;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.simulator.inventory.InventoryWriter;
import org.smartcamp.simulator.truth.GeneratorTotals;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * The analytics job end to end on a week of the small outpost, written through the ingest's store as it arrives
 * (a six-hour link outage delivered later as a backlog, resent duplicates, a generator's sensors dropping out),
 * with a pass every six simulated hours: the rollups equal a GROUP BY over everything stored, the daily figures
 * match the simulator's ground truth, and the one stale sensor is found once.
 */
class AnalyticsPassIT {
    private static final Duration STEP = Duration.ofHours(6);
    private static MigratedStore store;
    private static DataSource ds;
    private static SimulatedFeed feed;
    private static String gen;
    private static PassSummary idle;
    private static int analyzerFailures;
    private static double[] outageDayMidway;

    @BeforeAll
    static void runTheWeek() throws InterruptedException, SQLException {
        store = MigratedStore.create("job");
        ds = store.dataSource();
        feed = SimulatedFeed.run("small-outpost", Duration.ofDays(7));
        new InventoryImporter(ds).importInventory(InventoryLoader.parse("outpost.yaml",
            InventoryWriter.yaml(feed.scenario())));
        gen = feed.scenario().camp().assetId("gen-1");
        MutableClock clock = new MutableClock(feed.truth().start());
        AnalysisStage analysis = new AnalysisStage(new AssetCatalog(ds), new SeriesReader(ds),
            new EventStore(ds, clock), new FigureStore(ds, clock), StandardAnalyzers.assets(),
            StandardAnalyzers.camps(DeliverySource.NONE));
        AnalyticsPass pass = new AnalyticsPass(new ArrivalScanner(ds, Duration.ofDays(90)), new Watermarks(ds),
            new WatermarkPolicy(Duration.ofMinutes(2)), new RollupMaintainer(ds), analysis, AnalyticsMetrics.NONE,
            clock);
        CopyBatchWriter writer = new CopyBatchWriter(ds, new AssetRegistry(ds));
        Instant end = feed.truth().end().plus(Duration.ofHours(1));
        for (Instant t = feed.truth().start().plus(STEP); !t.isAfter(end.plus(STEP)); t = t.plus(STEP)) {
            feed.writeUntil(writer, t);
            clock.set(t);
            analyzerFailures += pass.run(true).analyzerFailures();
            if (t.equals(feed.truth().start().plus(Duration.ofHours(36)))) {
                outageDayMidway = daily("asset", gen, LocalDate.parse("2026-03-03"), "completeness");
            }
        }
        idle = pass.run(true);
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void theRollupsKeptPassByPassEqualAGroupByOverEverythingStored() throws SQLException {
        List<Readings.Bucket> hourly = Readings.rollup(ds, "readings_hourly");
        List<Readings.Bucket> expected = Readings.reference(ds, "1 hour");

        assertThat(hourly).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(hourly.get(i).samples()).isEqualTo(expected.get(i).samples());
            assertThat(hourly.get(i).last()).isEqualTo(expected.get(i).last());
        }
        assertThat(Readings.rollup(ds, "readings_daily")).extracting(Readings.Bucket::samples)
            .isEqualTo(Readings.reference(ds, "1 day").stream().map(Readings.Bucket::samples).toList());
        assertThat(idle.rollupBuckets()).isZero();
        assertThat(idle.assets()).isZero();
    }

    @Test
    void dailyEnergyAndRunningHoursMatchTheGroundTruthAndTheOutageDayIsCompleteOnceItsBacklogArrived()
            throws SQLException {
        Map<LocalDate, GeneratorTotals> truth = new TreeMap<>();
        feed.truth().generatorHourly(gen).forEach((h, t) -> truth.merge(LocalDate.ofInstant(h, ZoneOffset.UTC), t,
            (a, b) -> new GeneratorTotals(a.fuelL() + b.fuelL(), a.energyKwh() + b.energyKwh(),
                a.runHours() + b.runHours(), 0)));

        for (Map.Entry<LocalDate, GeneratorTotals> day : truth.entrySet()) {
            double[] energy = daily("asset", gen, day.getKey(), "energy_kwh");
            assertThat(energy[0]).as("energy %s", day.getKey()).isCloseTo(day.getValue().energyKwh(), within(2.0));
            assertThat(daily("asset", gen, day.getKey(), "running_h")[0]).as("running %s", day.getKey())
                .isCloseTo(day.getValue().runHours(), within(2 / 60.0));
            assertThat(daily("camp", "outpost1", day.getKey(), "generator_kwh")[0]).isCloseTo(energy[0], within(1e-6));
            assertThat(daily("asset", gen, day.getKey(), "fuel_consumed_l")[0]).as("fuel %s", day.getKey())
                .isCloseTo(day.getValue().fuelL(), within(0.01 * day.getValue().fuelL()));
        }
        // Day 2 had the six-hour outage (08:00 to 14:00): at noon four hours were missing; complete once the
        // backlog came. Day 7 lost 90 minutes to the dropout.
        assertThat(outageDayMidway[0]).isCloseTo(8 / 12.0, within(0.01));
        assertThat(daily("asset", gen, LocalDate.parse("2026-03-03"), "completeness")).containsExactly(1.0, 1.0);
        assertThat(daily("asset", gen, LocalDate.parse("2026-03-08"), "completeness")[0])
            .isCloseTo(1 - 90 / 1440.0, within(1e-9));
        assertThat(daily("asset", gen, LocalDate.parse("2026-03-08"), "energy_kwh")[1]).isBetween(0.9, 0.99);
    }

    @Test
    void everyStandardAnalyzerStoredItsFiguresWithoutFailing() throws SQLException {
        assertThat(analyzerFailures).isZero();
        List<String> figures = new ArrayList<>();
        try (var c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT DISTINCT subject_kind || ':' || figure FROM analytics_daily UNION SELECT DISTINCT subject_kind"
                    + " || ':' || figure FROM analytics_current UNION SELECT DISTINCT 'hourly:' || figure"
                    + " FROM analytics_hourly")) {
            while (rs.next()) {
                figures.add(rs.getString(1));
            }
        }
        assertThat(figures).contains("asset:completeness", "asset:energy_kwh", "asset:load_factor_avg",
            "asset:fuel_consumed_l", "camp:fuel_consumed_l", "camp:co2_kg", "asset:refuel_l", "camp:generator_kwh",
            "camp:renewable_fraction", "asset:engine_h", "asset:days_of_supply", "camp:days_of_supply",
            "hourly:fuel_consumed_l").anyMatch(f -> f.startsWith("asset:last_seen_age_s:"));
        assertThat(store.db().queryLong(
                "SELECT round(sum(value))::bigint FROM analytics_daily WHERE figure = 'refuel_l'"))
            .as("a tank's daily refuel litres are its refuel events' litres")
            .isEqualTo(store.db().queryLong("SELECT round(sum(e.quantity))::bigint FROM analytics_events e"
                + " JOIN assets a ON a.id = e.asset_id WHERE e.kind = 'refuel' AND a.kind = 'fuel_tank'"
                + " AND e.starts_at >= (SELECT min(day) FROM analytics_daily WHERE figure = 'refuel_l')"))
            .isPositive();
    }

    @Test
    void theDropoutIsOneStaleSensorEventAndTheLinkOutageNone() {
        TruthEvent dropout = feed.truth().events().stream().filter(e -> e.kind().equals("sensor_fault")
            && e.asset().equals(gen) && e.detail().contains("dropout")).findFirst().orElseThrow();

        List<EventStore.StoredEvent> events = new EventStore(ds, Clock.systemUTC()).events("outpost1", gen,
            feed.truth().start(), feed.truth().end());

        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events WHERE kind = 'stale_sensor'"))
            .isEqualTo(1);
        events = events.stream().filter(e -> e.event().kind() == EventKind.STALE_SENSOR).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).campId()).isEqualTo("outpost1");
        assertThat(events.get(0).event().kind()).isEqualTo(EventKind.STALE_SENSOR);
        assertThat(events.get(0).event().start()).isEqualTo(dropout.start().minusSeconds(60));
        assertThat(events.get(0).event().end()).isEqualTo(dropout.end());
    }

    /** Value and coverage of a daily figure. */
    private static double[] daily(String kind, String subject, LocalDate day, String figure) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT value, coverage"
                + " FROM analytics_daily WHERE subject_kind = ? AND subject_id = ? AND day = ? AND figure = ?")) {
            s.setString(1, kind);
            s.setString(2, subject);
            s.setObject(3, day);
            s.setString(4, figure);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("%s %s %s %s", kind, subject, day, figure).isTrue();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }
}
