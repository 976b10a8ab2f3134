package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** Figures computed again replace the earlier ones. */
class FigureStoreIT {
    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");
    private MigratedStore store;
    private FigureStore figures;

    @BeforeEach
    void setUp() {
        store = MigratedStore.create("figures");
        figures = new FigureStore(store.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void dailyAndCurrentFiguresAreUpsertedByTheirKey() {
        LocalDate day = LocalDate.parse("2026-03-04");
        figures.upsertDaily("c1", List.of(new DailyFigure(Subject.ASSET, "g1", day, "energy_kwh", 700.0, "kWh", 0.5),
            new DailyFigure(Subject.CAMP, "c1", day, "generator_kwh", null, "kWh", 0)));
        figures.upsertCurrent("c1",
            List.of(new CurrentFigure(Subject.ASSET, "t1", "days_of_supply", 9.5, "d", 8.0, 11.0,
            0.9, NOW, Map.of("rate_l_per_day", 420.5, "segments", List.of(1, 2)))));

        int written = figures.upsertDaily("c1", List.of(new DailyFigure(Subject.ASSET, "g1", day, "energy_kwh", 1402.5,
            "kWh", 1.0)));
        figures.upsertCurrent("c1",
            List.of(new CurrentFigure(Subject.ASSET, "t1", "days_of_supply", 9.0, "d", null, null,
            null, NOW, Map.of())));

        assertThat(written).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_daily")).isEqualTo(2);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_daily WHERE subject_kind = 'asset'"
            + " AND value = 1402.5 AND coverage = 1 AND computed_at = '2026-03-05T12:00:00Z'")).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_daily WHERE subject_kind = 'camp'"
            + " AND value IS NULL AND coverage = 0")).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_current WHERE value = 9 AND low IS NULL"
            + " AND detail = '{}'::jsonb")).isEqualTo(1);
    }

    @Test
    void detailIsStoredAsJson() {
        figures.upsertCurrent("c1",
            List.of(new CurrentFigure(Subject.ASSET, "t1", "days_of_supply", 9.5, "d", 8.0, 11.0,
            0.9, NOW, Map.of("rate_l_per_day", 420.5, "segments", List.of(1, 2)))));

        assertThat(store.db().queryLong("SELECT (detail->'segments'->>1)::int + (detail->>'rate_l_per_day')::numeric"
            + " * 2 FROM analytics_current")).isEqualTo(843);
    }
}
