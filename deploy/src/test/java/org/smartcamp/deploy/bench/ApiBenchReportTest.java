package org.smartcamp.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.store.DatabaseConfig;

class ApiBenchReportTest {
    private static final ApiBenchOptions OPTIONS = new ApiBenchOptions(
        new DatabaseConfig("jdbc:postgresql://h/db", "u", "", 4, null), 10, 365, 7, 60, List.of(1, 8),
        Duration.ofSeconds(40), Duration.ofSeconds(15), 16);
    private static final YearOfData.Counts COUNTS = new YearOfData.Counts(10, 3, 75, 470, 4_117_200, 171_550,
        4_737_600, 419_385, 734, 9_516, Duration.ofMillis(26_400));

    @Test
    void marginsSayByHowMuchTheTargetIsMetOrMissed() {
        assertThat(ApiBenchReport.margin(12.34)).isEqualTo("met, 37.7 ms under");
        assertThat(ApiBenchReport.margin(50)).isEqualTo("met, 0.0 ms under");
        assertThat(ApiBenchReport.margin(71.5)).isEqualTo("missed by 21.5 ms");
    }

    @Test
    void theTargetIsMetOnlyWhenEveryRouteAtEveryLevelIsWithin50Ms() {
        ApiBenchReport fast = report(level(1, 10, 20), level(8, 30, 49.9));
        ApiBenchReport oneSlowRoute = report(level(1, 10, 20), level(8, 30, 50.1));

        assertThat(fast.targetMet()).isTrue();
        assertThat(fast.markdown()).contains("over a year of data\": met. With 1 client: overall p95")
            .contains("**8 concurrent clients** (40 s)");
        assertThat(oneSlowRoute.targetMet()).isFalse();
        assertThat(oneSlowRoute.markdown()).contains("\": not met.")
            .contains("slowest route camps/{id}/fuel with p95 50.1 ms (missed by 0.1 ms)");
    }

    @Test
    void theSectionStatesTheDataItsSizeAndEveryRowOfEachLevel() {
        String md = report(level(8, 12.5, 30)).markdown();

        assertThat(md).contains("seeded in 26.4 s, PostgreSQL 15", "10 camps in 3 mission(s), 75 assets", "470 series",
            "365 days of hourly rollups (4,117,200 rows)", "raw readings for the last 7 days every 60 s (4,737,600",
            "1100.0 MB in the bench's tables (readings_hourly 600.0 MB, readings 500.0 MB)",
            "the database grew by 1200.0 MB", "with 16 database connections");
        assertThat(md).contains("| figures/current | 400 | 10.0 | 5.0 ms | 12.5 ms | 20.0 ms | 40.0 ms | 2.0 kB "
            + "| 0 | met, 37.5 ms under |");
        assertThat(md).contains("| **all routes** | 800 | 20.0 |");
    }

    private static ApiBenchReport report(ApiLoad.Level... levels) {
        long mb = 1024 * 1024;
        return new ApiBenchReport(OPTIONS, COUNTS, Map.of("readings_hourly", 600 * mb, "readings", 500 * mb),
            1200 * mb, "PostgreSQL 15.20", Map.of("figures/current", "a camp's current figures"), List.of(levels));
    }

    /** A level of 40 s with two routes: figures/current at {@code p95} and the fuel summary at {@code slow}. */
    private static ApiLoad.Level level(int clients, double p95, double slow) {
        ApiLoad.RouteResult current = new ApiLoad.RouteResult("figures/current", 400, 0, "", 5, p95, 20, 40, 2048);
        ApiLoad.RouteResult fuel = new ApiLoad.RouteResult("camps/{id}/fuel", 400, 0, "", 20, slow, slow, slow, 4096);
        ApiLoad.RouteResult all = new ApiLoad.RouteResult("all routes", 800, 0, "", 10, Math.max(p95, slow),
            slow, slow, 3072);
        return new ApiLoad.Level(clients, Duration.ofSeconds(40), List.of(current, fuel), all);
    }
}
