package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.TestServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics issues' accuracy targets, end to end: every bundled scenario, the adversarial ones included, with
 * one seed (the events stay, the noise changes) fed through the ingest pipeline into the store, analysed by the
 * job's analyzers, and the stored figures and events scored against the ground truth: fuel, kWh and running hours
 * per set, camp fuel, refuels, thefts, leaks, days of supply, power outages, overload on sets within their rating
 * and stuck gauges. {@code -Dsmartcamp.accuracySeeds=1,2,3} runs other seeds; {@code smartcamp accuracy} prints
 * the same report for any seeds.
 */
class AnalyticsAccuracyIT {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsAccuracyIT.class);
    private static final List<String> SCENARIOS = AccuracyHarness.SCENARIOS;
    private static final List<Long> SEEDS = Arrays.stream(System.getProperty("smartcamp.accuracySeeds", "11")
        .split(",")).map(s -> Long.parseLong(s.trim())).toList();

    @Test
    void everyTargetHoldsOverEveryScenarioAndSeed() throws InterruptedException {
        AccuracyHarness harness = new AccuracyHarness(new DatabaseConfig(TestServices.jdbcUrl(),
            TestServices.dbUser(), TestServices.dbPassword(), 4, null), Clock.systemUTC());
        List<RunResult> runs = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            for (long seed : SEEDS) {
                runs.add(harness.run(scenario, seed, Duration.ofDays(AccuracyHarness.defaultDays(scenario))));
            }
        }
        AccuracyReport report = new AccuracyReport(runs);
        LOG.info("\n{}", report.markdown("AnalyticsAccuracyIT (seeds " + SEEDS + ")", "on the test machine."));

        assertThat(report.fuel().compared()).as("generator-days compared").isGreaterThan(50 * SEEDS.size());
        assertThat(report.refuels().truePositives()).as("refuels found").isGreaterThan(10 * SEEDS.size());
        assertThat(report.thefts().truePositives()).as("thefts found").isGreaterThanOrEqualTo(3 * SEEDS.size());
        assertThat(report.leaks().truePositives()).as("leaks found").isEqualTo(4 * SEEDS.size());
        assertThat(report.outages().truePositives()).as("power outages found").isGreaterThanOrEqualTo(SEEDS.size());
        assertThat(report.stuck().truePositives()).as("stuck gauges found").isGreaterThanOrEqualTo(2 * SEEDS.size());
        assertThat(report.overload().setsWithinRating()).as("sets within their rating").isGreaterThan(5);
        assertThat(report.energy().compared()).as("kWh generator-days").isGreaterThan(50 * SEEDS.size());
        assertThat(report.campFuel().compared()).as("camp-days").isGreaterThan(40 * SEEDS.size());
        assertThat(report.misses()).as("targets missed").isEmpty();
    }
}
