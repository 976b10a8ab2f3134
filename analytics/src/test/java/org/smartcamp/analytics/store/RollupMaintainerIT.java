package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.job.AnalyticsMetrics;
import org.smartcamp.analytics.job.AnalyticsPass;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The rollups on the engine the tests are given (plain tables kept by the job on PostgreSQL, continuous aggregates
 * refreshed by it on TimescaleDB) equal a GROUP BY over readings, also after late, back-filled and concurrently
 * committed readings.
 */
class RollupMaintainerIT {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private MigratedStore store;
    private DataSource ds;
    private AnalyticsPass pass;

    @BeforeEach
    void setUp() {
        store = MigratedStore.create("rollups");
        ds = store.dataSource();
        pass = new AnalyticsPass(new ArrivalScanner(ds, Duration.ofDays(90)), new Watermarks(ds),
            new WatermarkPolicy(Duration.ofMinutes(2)), new RollupMaintainer(ds), null,
            AnalyticsMetrics.NONE, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theRollupsOfRandomReadingsEqualAGroupByOverThem() throws SQLException {
        Random random = new Random(42);
        List<Readings.Row> rows = new ArrayList<>();
        Instant start = NOW.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        for (int asset = 1; asset <= 3; asset++) {
            for (int metric = 1; metric <= 3; metric++) {
                Instant t = start.plusMillis(random.nextInt(600_000));
                while (t.isBefore(NOW.minus(Duration.ofMinutes(10)))) {
                    rows.add(new Readings.Row(asset, metric, t.plusNanos(1000L * random.nextInt(1000)),
                        random.nextGaussian() * 50 + 100, NOW.minusSeconds(random.nextInt(3600))));
                    t = t.plusMillis(30_000 + random.nextInt(20 * 60_000));
                }
            }
        }
        Readings.insert(ds, rows);

        assertThat(pass.run(false).rollupBuckets()).isGreaterThan(3 * 3 * 60);

        String engine = System.getenv("SMARTCAMP_TEST_EXPECT_ENGINE");
        if (engine != null && !engine.isBlank()) {
            assertThat(new RollupMaintainer(ds).usesContinuousAggregates())
                .isEqualTo("timescaledb".equalsIgnoreCase(engine));
        }
        assertRollupsMatchReadings();
        assertThat(pass.run(false).rollupMark()).isAfter(NOW.minus(Duration.ofHours(2)));
    }

    @Test
    void aLateBackfilledReadingCorrectsItsHourAndDayAfterTheNextPass() throws SQLException {
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        Readings.insert(ds, List.of(new Readings.Row(1, 1, hour.plusSeconds(600), 10, NOW.minusSeconds(600)),
            new Readings.Row(1, 1, hour.plusSeconds(1200), 20, NOW.minusSeconds(600))));
        pass.run(false);

        Readings.insert(ds, List.of(new Readings.Row(1, 1, hour.plusSeconds(60), -5, NOW),
            new Readings.Row(1, 1, hour.plusSeconds(3000), 50, NOW)));
        pass.run(false);

        Readings.Bucket h = Readings.rollup(ds, "readings_hourly").get(0);
        assertThat(h.samples()).isEqualTo(4);
        assertThat(h.first()).isEqualTo(-5);
        assertThat(h.last()).isEqualTo(50);
        assertThat(h.avg()).isCloseTo(18.75, within(1e-12));
        Readings.Bucket d = Readings.rollup(ds, "readings_daily").get(0);
        assertThat(d.bucket()).isEqualTo(hour.truncatedTo(ChronoUnit.DAYS));
        assertThat(d.samples()).isEqualTo(4);
        assertThat(d.min()).isEqualTo(-5);
        assertRollupsMatchReadings();
    }

    @Test
    void readingsCommittedDuringAPassOrLateWithAnOlderArrivalTimeAreNotMissed() throws SQLException {
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
        Readings.insert(ds, List.of(new Readings.Row(1, 1, hour, 1, NOW)));
        try (Connection slow = ds.getConnection()) {
            // Another ingest replica has received a reading before the pass and commits it after the pass.
            slow.setAutoCommit(false);
            Readings.insert(slow, List.of(new Readings.Row(2, 1, hour, 2, NOW.minusSeconds(30))));
            pass.run(false);
            slow.commit();
        }
        // And one more, committed late with an arrival time well before the latest seen (within the lag).
        Readings.insert(ds, List.of(new Readings.Row(3, 1, hour, 3, NOW.minusSeconds(90))));

        pass.run(false);

        assertThat(Readings.rollup(ds, "readings_hourly")).extracting(Readings.Bucket::assetRef)
            .containsExactly(1, 2, 3);
        assertRollupsMatchReadings();
    }

    private void assertRollupsMatchReadings() throws SQLException {
        assertSame(Readings.rollup(ds, "readings_hourly"), Readings.reference(ds, "1 hour"));
        assertSame(Readings.rollup(ds, "readings_daily"), Readings.reference(ds, "1 day"));
    }

    private static void assertSame(List<Readings.Bucket> actual, List<Readings.Bucket> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Readings.Bucket a = actual.get(i);
            Readings.Bucket e = expected.get(i);
            String key = String.format(Locale.ROOT, "%d/%d/%s", e.assetRef(), e.metricId(), e.bucket());
            assertThat(List.of(a.assetRef(), a.metricId(), a.bucket(), a.samples(), a.min(), a.max(), a.first(),
                a.last())).as(key).isEqualTo(List.of(e.assetRef(), e.metricId(), e.bucket(), e.samples(), e.min(),
                e.max(), e.first(), e.last()));
            assertThat(a.avg()).as(key).isCloseTo(e.avg(), within(1e-9 * Math.max(1, Math.abs(e.avg()))));
        }
    }
}
