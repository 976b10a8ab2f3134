package org.smartcamp.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.power.SettingsReader;
import org.smartcamp.analytics.store.AnalyticsSettings;
import org.smartcamp.analytics.store.ArrivalScanner;
import org.smartcamp.analytics.store.AssetCatalog;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.EventStore;
import org.smartcamp.analytics.store.FigureStore;
import org.smartcamp.analytics.store.Readings;
import org.smartcamp.analytics.store.RollupMaintainer;
import org.smartcamp.analytics.store.SeriesReader;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.WatermarkPolicy;
import org.smartcamp.analytics.store.Watermarks;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** What the job stores of an analyzer's output, and how it isolates a failing analyzer. */
class AnalysisStageIT {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant HOUR = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    /** Longer ago than the lag: a pass after it has nothing new. */
    private static final Instant RECEIVED = NOW.minus(Duration.ofMinutes(10));
    private MigratedStore store;
    private DataSource ds;
    private final List<AnalysisWindow> windows = new ArrayList<>();

    @BeforeEach
    void setUp() throws SQLException {
        store = MigratedStore.create("stage");
        ds = store.dataSource();
        new InventoryImporter(ds).importInventory(InventoryLoader.parse("c.yaml", """
            missions: [{id: m, camps: [{id: c, analytics: {test.context: 3d}, assets: [
              {id: c-gen, kind: generator, rated_kw: 10}, {id: c-tank, kind: fuel_tank, capacity_l: 100}]}]}]
            """));
        int gen = (int) store.db().queryLong("SELECT ref FROM assets WHERE id = 'c-gen'");
        Readings.insert(ds, List.of(new Readings.Row(gen, 1, HOUR.plusSeconds(60), 5, RECEIVED)));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private PassSummary pass(List<AssetAnalyzer> analyzers) {
        return pass(analyzers, List.of());
    }

    private PassSummary pass(List<AssetAnalyzer> analyzers, List<CampAnalyzer> campAnalyzers) {
        AnalysisStage stage = new AnalysisStage(new AssetCatalog(ds), new SeriesReader(ds),
            new EventStore(ds, Clock.systemUTC()), new FigureStore(ds, Clock.systemUTC()),
            analyzers, campAnalyzers);
        return new AnalyticsPass(new ArrivalScanner(ds, Duration.ofDays(90)), new Watermarks(ds),
            new WatermarkPolicy(Duration.ofMinutes(2)), new RollupMaintainer(ds), stage, AnalyticsMetrics.NONE,
            Clock.systemUTC()).run(true);
    }

    /** Reports one event in its window, one before it and one of a kind it did not declare, and two figures. */
    private final class Reporter implements AssetAnalyzer {
        @Override
        public String name() {
            return "test.reporter";
        }

        @Override
        public boolean appliesTo(AssetInfo asset) {
            return asset.is(AssetKind.GENERATOR);
        }

        @Override
        public Duration context(AnalyticsSettings settings) {
            return new SettingsReader("test.", Map.of("test.context", "1d"), settings.asMap()).duration("context");
        }

        @Override
        public Set<EventKind> eventKinds() {
            return Set.of(EventKind.LOW_LOAD);
        }

        @Override
        public AnalysisOutput analyze(AnalysisContext ctx) {
            windows.add(ctx.window());
            AnalysisWindow w = ctx.window();
            LocalDate day = w.firstDay();
            return new AnalysisOutput(List.of(event(EventKind.LOW_LOAD, HOUR), event(EventKind.LOW_LOAD,
                w.loadFrom().minusSeconds(1)), event(EventKind.THEFT, HOUR)),
                List.of(figure(day, 1.0), figure(day.minusDays(1), 2.0)), List.of());
        }

        private DetectedEvent event(EventKind kind, Instant at) {
            return new DetectedEvent(kind, "c-gen", at, at, null, null, new Evidence(at, at, "power.active",
                List.of(), Map.of(), "test"));
        }

        private DailyFigure figure(LocalDate day, double value) {
            return new DailyFigure(Subject.ASSET, "c-gen", day, "energy_kwh", value, "1", 1);
        }
    }

    @Test
    void onlyWhatTheAnalyzerDecidesIsStoredAndAFailingAnalyzerDoesNotStopTheOthers() {
        AssetAnalyzer failing = new AssetAnalyzer() {
            @Override
            public String name() {
                return "test.failing";
            }

            @Override
            public boolean appliesTo(AssetInfo asset) {
                return true;
            }

            @Override
            public AnalysisOutput analyze(AnalysisContext ctx) {
                throw new IllegalStateException("bug");
            }
        };

        PassSummary summary = pass(List.of(failing, new Reporter()));

        assertThat(summary.analyzerFailures()).isEqualTo(1);
        assertThat(summary.assets()).isEqualTo(1);
        assertThat(summary.events()).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events WHERE kind = 'low_load'"
            + " AND camp_id = 'c'")).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events")).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_daily WHERE value = 1")).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_daily")).isEqualTo(1);
        // The camp's override of the analyzer's context reaches it through the merged settings.
        assertThat(windows.get(0).loadFrom()).isEqualTo(HOUR.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3)));
        assertThat(windows.get(0).changedFrom()).isEqualTo(HOUR);
    }

    /**
     * A camp-wide event (an outage: no source supplied the camp) names the camp as its subject; it is the camp
     * analyzer's to decide and must be stored, while an event of another camp's asset is still dropped.
     */
    @Test
    void aCampAnalyzersEventOfTheCampItselfIsStored() {
        CampAnalyzer outages = new CampAnalyzer() {
            @Override
            public String name() {
                return "test.outages";
            }

            @Override
            public Set<EventKind> eventKinds() {
                return Set.of(EventKind.OUTAGE);
            }

            @Override
            public AnalysisOutput analyze(CampContext ctx) {
                return new AnalysisOutput(List.of(outage("c"), outage("other-camp")), List.of(), List.of());
            }

            private DetectedEvent outage(String subject) {
                return new DetectedEvent(EventKind.OUTAGE, subject, HOUR, HOUR.plus(Duration.ofMinutes(90)), 1.5,
                    "h", new Evidence(HOUR, HOUR.plus(Duration.ofMinutes(90)), "power.active", List.of(), Map.of(),
                    "test"));
            }
        };

        PassSummary first = pass(List.of(), List.of(outages));
        long id = store.db().queryLong("SELECT id FROM analytics_events");
        new AnalyticsPass(new ArrivalScanner(ds, Duration.ofDays(90)), new Watermarks(ds),
            new WatermarkPolicy(Duration.ZERO), new RollupMaintainer(ds), null, AnalyticsMetrics.NONE,
            Clock.systemUTC()).reprocessSince(HOUR.minus(Duration.ofHours(1)));
        PassSummary again = pass(List.of(), List.of(outages));

        assertThat(first.events()).isEqualTo(1);
        assertThat(again.events()).as("found again as it was: nothing written").isZero();
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events WHERE kind = 'outage'"
            + " AND camp_id = 'c' AND asset_id = 'c' AND status = 'active' AND id = " + id)).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events")).isEqualTo(1);
    }

    /** Two camps may both have {@code dg-1} (issue 15): each is analysed on its own readings, stored under its camp. */
    @Test
    void theSameAssetIdInTwoCampsIsAnalysedApart() throws SQLException {
        new InventoryImporter(ds).importInventory(InventoryLoader.parse("two.yaml", """
            missions: [{id: m, camps: [{id: ca, assets: [{id: dg-1, kind: generator, rated_kw: 10}]},
              {id: cb, assets: [{id: dg-1, kind: generator, rated_kw: 20}]}]}]
            """));
        int power = (int) store.db().queryLong("SELECT id FROM metrics WHERE name = 'power.active'");
        int refA = (int) store.db().queryLong("SELECT ref FROM assets WHERE camp_id = 'ca' AND id = 'dg-1'");
        int refB = (int) store.db().queryLong("SELECT ref FROM assets WHERE camp_id = 'cb' AND id = 'dg-1'");
        Readings.insert(ds, List.of(new Readings.Row(refA, power, HOUR.plusSeconds(60), 5, RECEIVED),
            new Readings.Row(refB, power, HOUR.plusSeconds(60), 7, RECEIVED),
            new Readings.Row(refB, power, HOUR.plusSeconds(120), 9, RECEIVED)));
        AssetAnalyzer summing = new AssetAnalyzer() {
            @Override
            public String name() {
                return "test.summing";
            }

            @Override
            public boolean appliesTo(AssetInfo asset) {
                return asset.id().equals("dg-1");
            }

            @Override
            public Set<EventKind> eventKinds() {
                return Set.of(EventKind.LOW_LOAD);
            }

            @Override
            public AnalysisOutput analyze(AnalysisContext ctx) {
                double sum = java.util.Arrays.stream(ctx.series("power.active").values()).sum();
                return new AnalysisOutput(List.of(new DetectedEvent(EventKind.LOW_LOAD, "dg-1", HOUR, HOUR, sum, "kW",
                    new Evidence(HOUR, HOUR, "power.active", List.of(), Map.of(), "test"))),
                    List.of(new DailyFigure(Subject.ASSET, "dg-1", ctx.window().firstDay(), "energy_kwh", sum, "kWh",
                        1)), List.of());
            }
        };

        pass(List.of(summing));

        assertThat(store.db().queryString("SELECT string_agg(camp_id || '/' || subject_id || '=' || value, ','"
            + " ORDER BY camp_id) FROM analytics_daily WHERE subject_id = 'dg-1'")).isEqualTo("ca/dg-1=5,cb/dg-1=16");
        assertThat(store.db().queryString("SELECT string_agg(camp_id || '/' || asset_id || '=' || quantity, ','"
            + " ORDER BY camp_id) FROM analytics_events WHERE asset_id = 'dg-1'")).isEqualTo("ca/dg-1=5,cb/dg-1=16");
        assertThat(new EventStore(ds, Clock.systemUTC()).events("cb", "dg-1", HOUR, NOW))
            .extracting(e -> e.event().quantity()).containsExactly(16.0);
    }

    @Test
    void nothingNewMeansNothingAnalyzedAndReprocessingRewindsBothStages() {
        pass(List.of(new Reporter()));
        PassSummary idle = pass(List.of(new Reporter()));
        AnalyticsPass rewound = new AnalyticsPass(new ArrivalScanner(ds, Duration.ofDays(90)), new Watermarks(ds),
            new WatermarkPolicy(Duration.ZERO), new RollupMaintainer(ds), null, AnalyticsMetrics.NONE,
            Clock.systemUTC());
        Instant rollupMark = rewound.watermark(AnalyticsPass.ROLLUPS);

        rewound.reprocessSince(NOW.minus(Duration.ofHours(1)));

        assertThat(idle.rollupBuckets()).isZero();
        assertThat(idle.assets()).isZero();
        assertThat(rollupMark).isEqualTo(RECEIVED);
        assertThat(rewound.watermark(AnalyticsPass.ROLLUPS)).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(rewound.watermark(AnalyticsPass.ANALYSIS)).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(pass(List.of(new Reporter())).assets()).isEqualTo(1);
    }
}
