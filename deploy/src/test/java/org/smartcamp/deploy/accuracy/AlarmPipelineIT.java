package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.alarm.AlarmConfig;
import org.smartcamp.analytics.alarm.AlarmRule;
import org.smartcamp.analytics.alarm.RuleParser;
import org.smartcamp.analytics.alarm.SelfAddress;
import org.smartcamp.analytics.job.AnalyticsJob;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.simulator.scenario.Scenario;

/**
 * A simulated theft end to end: the small outpost's readings (with its night-time theft of 250 L, its backlog and
 * its resends) through the ingest's pipeline into the database, then the real analytics process with a theft rule
 * from the configuration: exactly one alarm, exactly one outbox row per channel target; more passes, a restart and
 * a full re-analysis change nothing, and the theft keeps its event id throughout.
 */
class AlarmPipelineIT {
    private static final String RULE = "{\"name\":\"theft\",\"mission\":\"%s\",\"condition\":\"theft\","
        + "\"threshold\":100,\"severity\":\"critical\",\"channels\":[{\"type\":\"webhook\","
        + "\"url\":\"https://hooks.example.org/smartcamp\",\"secret\":\"env:SC_HOOK\"},{\"type\":\"email\","
        + "\"to\":[\"ops@example.org\",\"logistique@example.org\"],\"language\":\"fr\"},{\"type\":\"mqtt\"}]}";

    @Test
    void aSimulatedTheftRaisesOneAlarmWithOneNotificationPerTargetAndRunningAgainChangesNothing() throws Exception {
        try (MigratedStore store = MigratedStore.create("alarm_e2e")) {
            SimulatedFeed feed = new SimulatedFeed(store.dataSource(), Clock.systemUTC());
            Scenario scenario = feed.scenario("small-outpost", 7, Duration.ofDays(4));
            feed.feed(scenario);
            String mission = store.db().queryString("SELECT mission_id FROM camps LIMIT 1");
            AlarmRule rule = new RuleParser(SelfAddress.NONE).parse(new ObjectMapper().readTree(
                String.format(RULE, mission)), AlarmRule.CONFIG);
            AlarmConfig alarms = new AlarmConfig(List.of(rule), "https://smartcamp.example.org",
                Duration.ofDays(1));
            DatabaseConfig db = new DatabaseConfig(store.db().url(), store.db().user(), store.db().password(), 2,
                null);

            try (AnalyticsService service = new AnalyticsService(db, AnalyticsJobConfig.DEFAULTS, false,
                    Clock.systemUTC()).alarms(alarms)) {
                AnalyticsJob job = service.open();
                job.runOnce();
                assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events WHERE kind = 'theft' AND "
                    + "status = 'active' AND quantity >= 100")).as("the simulated theft, found once").isEqualTo(1);
                for (int pass = 0; pass < 10; pass++) {
                    job.runOnce();
                }
            }
            long event = store.db().queryLong("SELECT id FROM analytics_events WHERE kind = 'theft' AND "
                + "status = 'active' AND quantity >= 100");
            String before = snapshot(store);
            assertThat(store.db().queryLong("SELECT count(*) FROM alarms")).isEqualTo(1);
            assertThat(store.db().queryLong("SELECT count(*) FROM alarms WHERE event_id = " + event
                + " AND subject_key = 'event:" + event + "' AND status = 'active'")).isEqualTo(1);
            assertThat(store.db().queryLong("SELECT count(*) FROM alarm_outbox")).as("webhook, 2 e-mails, MQTT")
                .isEqualTo(4);
            assertThat(store.db().queryLong("SELECT count(DISTINCT channel || target) FROM alarm_outbox "
                + "WHERE payload ->> 'type' = 'alarm.raised'")).isEqualTo(4);

            // a restart that analyses the whole feed again
            try (AnalyticsService again = new AnalyticsService(db, AnalyticsJobConfig.DEFAULTS, false,
                    Clock.systemUTC()).alarms(alarms).reprocessing(Duration.ofDays(30))) {
                again.open().runOnce();
            }
            assertThat(snapshot(store)).isEqualTo(before);
            assertThat(store.db().queryLong("SELECT id FROM analytics_events WHERE kind = 'theft' AND "
                + "status = 'active' AND quantity >= 100")).as("the event keeps its id").isEqualTo(event);
        }
    }

    /** What the alarm tables hold that must not change. */
    private static String snapshot(MigratedStore store) {
        return store.db().queryString("SELECT string_agg(id || ':' || status || ':' || revision || ':' || "
            + "coalesce(event_id, 0), ',' ORDER BY id) FROM alarms") + "|" + store.db().queryLong(
            "SELECT count(*) FROM alarm_history") + "|" + store.db().queryString("SELECT string_agg(idempotency_key, "
            + "',' ORDER BY id) FROM alarm_outbox");
    }
}
