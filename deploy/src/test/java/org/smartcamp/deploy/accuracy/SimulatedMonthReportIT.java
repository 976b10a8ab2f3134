package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.api.testsupport.ReportCheck;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.simulator.scenario.Scenario;

/**
 * The monthly camp report on a simulated month: ten days of the small outpost (a refuel, a theft, a slow leak of
 * 30 L/day from day 5, sensor faults, an outage backlog) fed through the ingest pipeline, analysed by one pass of the
 * analytics job, then served by the API: every number of its JSON routes for the month is in the report's PDF and
 * XLSX ({@link ReportCheck}), the detected leak's litres among the losses, and the reconciliation closes on them.
 */
class SimulatedMonthReportIT {
    /** The run ends here (UTC midnight): November 1-10, 2026. */
    private static final Instant END = Instant.parse("2026-11-11T00:00:00Z");

    @Test
    void theReportOfASimulatedWeekHoldsTheApisNumbers() throws Exception {
        Clock clock = Clock.fixed(END, ZoneOffset.UTC);
        try (MigratedStore store = MigratedStore.create("report_sim")) {
            SimulatedFeed feed = new SimulatedFeed(store.dataSource(), clock);
            Scenario week = feed.scenario("small-outpost", 11, Duration.ofDays(10));
            feed.feed(week);
            var db = store.db();
            try (AnalyticsService analytics = new AnalyticsService(new DatabaseConfig(db.url(), db.user(),
                db.password(), 2, null), AnalyticsJobConfig.DEFAULTS, false, clock)) {
                analytics.open().runOnce();
            }
            String secret = ApiKeys.newSecret();
            try (Connection c = store.dataSource().getConnection()) {
                ApiKeyStore.insert(c, new ApiKeyRecord(ApiKeys.newId(), "report", "logistics", List.of("*"),
                    List.of(), null, null, null), ApiKeys.hash(secret));
            }
            ApiService api = new ApiService(ApiConfig.defaults(),
                store.dataSource(), clock);
            api.start();
            try {
                Http http = new Http("http://127.0.0.1:" + api.port());
                ReportCheck check = new ReportCheck(http, new String[] {"X-API-Key", secret}, "outpost1",
                    YearMonth.of(2026, 11));
                ReportCheck.Api numbers = check.api();
                assertThat(numbers.events()).extracting(e -> e.getString("kind")).contains("refuel", "theft", "leak");
                assertThat(numbers.stocks()).containsKey("outpost1-tank-1");
                assertThat(numbers.daily()).hasSize(10);
                // The leak (30 L/day from November 6) is among the losses, and what is left unexplained is small.
                assertThat(numbers.leak("outpost1-tank-1")).as("detected leak litres").isBetween(20.0, 200.0);
                double[] balance = numbers.campBalance(YearMonth.of(2026, 11));
                assertThat(Math.abs(balance[5])).as("residual of %s", java.util.Arrays.toString(balance))
                    .isLessThan(Math.abs(balance[5] + numbers.leak("outpost1-tank-1")));
                check.pdfHolds(numbers);
                check.xlsxHolds(numbers);
                // Every event the detectors wrote is explained in French from its own figures (none falls back to
                // the stored English), and the French report's evidence columns carry those sentences.
                List<JsonObject> french = http.get("/api/v1/events?camp=outpost1&from=2026-11-01&to=2026-12-01"
                    + "&limit=1000", "X-API-Key", secret, "Accept-Language", "fr").json().getJsonArray("items")
                    .stream().map(o -> (JsonObject) o).toList();
                assertThat(french).isNotEmpty().allSatisfy(e -> assertThat(e.getString("localizedExplanation"))
                    .as(e.encode()).isNotBlank().isNotEqualTo(e.getString("explanation")));
                assertThat(check.pdfText("fr").replaceAll("\\s+", " ")).contains("ont disparu")
                    .doesNotContain("went missing");
            } finally {
                api.close();
            }
        }
    }
}
