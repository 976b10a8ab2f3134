package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.scenario.Scenario;

class SimulatedFeedIT {

    @Test
    void storesEveryReadingOnceWhateverTheResendsAndBacklogs() throws Exception {
        try (MigratedStore store = MigratedStore.create("feed")) {
            SimulatedFeed feed = new SimulatedFeed(store.dataSource(), Clock.systemUTC());
            Scenario base = feed.scenario("small-outpost", 7);
            Scenario twoDays = base.with(7L, base.header().start(), Duration.ofDays(2));

            SimulationResult result = feed.feed(twoDays);

            long distinct = result.summary().readings();
            assertThat(store.db().queryLong("SELECT count(*) FROM readings")).isEqualTo(distinct);
            assertThat(store.db().queryLong("SELECT count(*) FROM dead_letters")).isZero();
            assertThat(store.db().queryLong("SELECT count(*) FROM readings WHERE received_at > ts"
                + " + interval '1 hour'")).as("the outage backlog arrived late").isPositive();
        }
    }
}
