package org.smartcamp.analytics.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.store.EventScope;
import org.smartcamp.analytics.store.EventStore;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.store.Transactions;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * Rules against a real database: an event raises one alarm however often the evaluation runs, a revision updates
 * it, a retraction clears it and a return reopens it; a state keeps one alarm while it lasts and clears it when it
 * ends; every transition is in the history and its notifications in the outbox, one row per channel target.
 */
class AlarmEvaluatorIT {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant NOW = T0.plusSeconds(86_400);
    private static final ObjectMapper JSON = new ObjectMapper();
    private MigratedStore store;
    private EventStore events;
    private AlarmEvaluator evaluator;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() {
        store = MigratedStore.create("alarms");
        events = new EventStore(store.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        registry = new SimpleMeterRegistry();
        AlarmMetrics metrics = new MicrometerAlarmMetrics(registry);
        evaluator = new AlarmEvaluator(store.dataSource(), new AlarmLifecycle("https://sc.example.org/", metrics),
            Duration.ofDays(1), metrics);
        sql("INSERT INTO missions (id, name) VALUES ('m1', 'Mission'), ('m2', 'Other');"
            + "INSERT INTO camps (id, mission_id, name) VALUES ('c1', 'm1', 'Camp'), ('c2', 'm2', 'Other camp');"
            + "INSERT INTO assets (id, camp_id, kind) VALUES ('t1', 'c1', 'fuel_tank'), ('t2', 'c2', 'fuel_tank')");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void sql(String sql) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return store.db().queryLong(sql);
    }

    private long rule(String json) {
        AlarmRule r = new RuleParser(SelfAddress.NONE).parse(read(json), AlarmRule.API);
        try (Connection c = store.dataSource().getConnection()) {
            return RuleStore.insert(c, r, "test", NOW);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void theft(String camp, String asset, int startMin, int minutes, double litres) {
        Instant start = T0.plusSeconds(60L * startMin);
        Instant end = start.plusSeconds(60L * minutes);
        Evidence evidence = new Evidence(start, end, "fuel.volume", List.of(new Evidence.Point(start, 5000),
            new Evidence.Point(end, 5000 - litres)), Map.of("loss_l", litres), litres + " L lost");
        events.reconcile(new EventScope(camp, List.of(asset), Set.of(EventKind.THEFT), T0, T0.plusSeconds(86_400)),
            litres > 0 ? List.of(new DetectedEvent(EventKind.THEFT, asset, start, end, litres, "L", evidence))
                : List.of());
    }

    private static final String THEFT_RULE = "{\"name\":\"theft-m1\",\"mission\":\"m1\",\"condition\":\"theft\","
        + "\"threshold\":100,\"severity\":\"critical\",\"channels\":[{\"type\":\"webhook\","
        + "\"url\":\"https://hooks.example.org/sc\",\"secret\":\"env:HOOK_SECRET\"},{\"type\":\"email\","
        + "\"to\":[\"ops@example.org\",\"chef@example.org\"],\"language\":\"fr\"},{\"type\":\"mqtt\"}]}";

    @Test
    void aTheftRaisesOneAlarmAndOneNotificationPerTargetHoweverOftenTheRulesRun() throws Exception {
        long rule = rule(THEFT_RULE);
        theft("c1", "t1", 70, 15, 312);
        theft("c2", "t2", 70, 15, 400);
        for (int pass = 0; pass < 10; pass++) {
            evaluator.evaluate(NOW.plusSeconds(30L * pass));
        }
        assertThat(count("SELECT count(*) FROM alarms")).as("the other mission's theft is not this rule's")
            .isEqualTo(1);
        long alarm = count("SELECT id FROM alarms");
        long event = count("SELECT id FROM analytics_events WHERE camp_id = 'c1'");
        assertThat(count("SELECT count(*) FROM alarms WHERE rule_id = " + rule + " AND subject_key = 'event:" + event
            + "' AND event_id = " + event + " AND status = 'active' AND severity = 'critical' AND quantity = 312"
            + " AND summary = 'Suspected theft: 312 L on t1 between 2026-03-02 01:10 and 2026-03-02 01:25 UTC'"))
            .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_history WHERE alarm_id = " + alarm)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_outbox")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM alarm_outbox WHERE status = 'pending' AND history_seq = 1 AND ("
            + "(channel = 'webhook' AND target = 'https://hooks.example.org/sc' AND language = 'en') OR "
            + "(channel = 'email' AND target IN ('ops@example.org', 'chef@example.org') AND language = 'fr') OR "
            + "(channel = 'mqtt' AND target = 'smartcamp/alarms/m1/c1'))")).isEqualTo(4);
        String key = "alarm-" + alarm + "-1-webhook-" + Outbox.sha12("https://hooks.example.org/sc");
        var payload = read(store.db().queryString("SELECT payload::text FROM alarm_outbox WHERE idempotency_key = '"
            + key + "'"));
        assertThat(payload.path("type").asText()).isEqualTo("alarm.raised");
        assertThat(payload.path("idempotencyKey").asText()).isEqualTo(key);
        assertThat(payload.path("alarm").path("rule").asText()).isEqualTo("theft-m1");
        assertThat(payload.path("alarm").path("quantity").asDouble()).isEqualTo(312.0);
        assertThat(payload.path("event").path("id").asLong()).isEqualTo(event);
        assertThat(payload.path("links").path("evidence").asText()).isEqualTo("https://sc.example.org/#/events/"
            + event);
        assertThat(payload.toString()).doesNotContain("HOOK_SECRET");
        assertThat(registry.get("smartcamp.alarms.raised").tag("severity", "critical").tag("condition", "theft")
            .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("smartcamp.alarms.active").tag("severity", "critical").gauge().value())
            .isEqualTo(1.0);
    }

    @Test
    void aRevisionUpdatesTheAlarmARetractionClearsItAndAReturnReopensIt() {
        rule(THEFT_RULE);
        theft("c1", "t1", 70, 15, 312);
        evaluator.evaluate(NOW);
        long alarm = count("SELECT id FROM alarms");

        theft("c1", "t1", 65, 25, 340);
        evaluator.evaluate(NOW.plusSeconds(60));
        evaluator.evaluate(NOW.plusSeconds(90));
        assertThat(count("SELECT count(*) FROM alarms WHERE quantity = 340 AND revision = 2")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_history WHERE alarm_id = " + alarm + " AND seq = 2 AND action"
            + " = 'updated'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_outbox")).as("an update at the same severity notifies no one")
            .isEqualTo(4);

        theft("c1", "t1", 0, 0, 0);
        evaluator.evaluate(NOW.plusSeconds(120));
        assertThat(count("SELECT count(*) FROM alarms WHERE status = 'cleared' AND cleared_by IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_outbox WHERE history_seq = 3 AND payload ->> 'type' = "
            + "'alarm.cleared'")).isEqualTo(4);

        theft("c1", "t1", 66, 25, 338);
        evaluator.evaluate(NOW.plusSeconds(150));
        evaluator.evaluate(NOW.plusSeconds(180));
        assertThat(count("SELECT count(*) FROM alarms")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarms WHERE status = 'active' AND quantity = 338")).isEqualTo(1);
        assertThat(store.db().queryString("SELECT string_agg(action, ',' ORDER BY seq) FROM alarm_history"))
            .isEqualTo("raised,updated,cleared,reopened");
    }

    @Test
    void aTheftBelowTheThresholdRaisesNothing() {
        rule(THEFT_RULE);
        theft("c1", "t1", 70, 15, 60);
        evaluator.evaluate(NOW);
        assertThat(count("SELECT count(*) FROM alarms")).isZero();
    }

    @Test
    void aSilentGatewayKeepsOneAlarmWhileSilentAndItClearsWhenItSpeaks() {
        rule("{\"name\":\"gw\",\"mission\":\"m1\",\"camp\":\"c1\",\"condition\":\"gateway_silent\",\"duration\":"
            + "\"15m\",\"severity\":\"major\",\"channels\":[{\"type\":\"mqtt\"}]}");
        sql("INSERT INTO gateways (camp_id, id, last_received_at) VALUES ('c1', 'gw-1', '" + NOW.minusSeconds(600)
            + "'), ('c2', 'gw-2', '" + NOW.minusSeconds(7200) + "')");
        evaluator.evaluate(NOW);
        assertThat(count("SELECT count(*) FROM alarms")).as("10 minutes is not silent yet").isZero();
        for (int i = 1; i <= 10; i++) {
            evaluator.evaluate(NOW.plusSeconds(600L * i));
        }
        assertThat(count("SELECT count(*) FROM alarms WHERE subject_key = 'gateway:c1/gw-1' AND status = 'active'"))
            .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarms")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_history")).isEqualTo(1);

        sql("UPDATE gateways SET last_received_at = '" + NOW.plusSeconds(6000) + "' WHERE id = 'gw-1'");
        evaluator.evaluate(NOW.plusSeconds(6060));
        assertThat(count("SELECT count(*) FROM alarms WHERE status = 'cleared' AND cleared_by IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_outbox WHERE channel = 'mqtt'")).isEqualTo(2);
    }

    @Test
    void aStateAPersonClearedIsNotRaisedAgainUntilItHasEndedAndBegunAgain() throws SQLException {
        rule("{\"name\":\"dos\",\"mission\":\"m1\",\"condition\":\"days_of_supply_below\",\"threshold\":5,"
            + "\"severity\":\"minor\"}");
        sql("INSERT INTO analytics_current (subject_kind, subject_id, camp_id, figure, value, unit, as_of) VALUES "
            + "('camp', 'c1', 'c1', 'days_of_supply', 3.2, 'd', '" + NOW + "'), "
            + "('asset', 't1', 'c1', 'days_of_supply', 8, 'd', '" + NOW + "')");
        evaluator.evaluate(NOW);
        long alarm = count("SELECT id FROM alarms WHERE subject_key = 'camp:c1'");
        sql("UPDATE analytics_current SET value = 2.9 WHERE subject_id = 'c1'");
        evaluator.evaluate(NOW.plusSeconds(60));
        assertThat(count("SELECT count(*) FROM alarm_history")).as("a state's changing figure is no transition")
            .isEqualTo(1);
        try (Connection c = store.dataSource().getConnection()) {
            Transactions.run(c, tx -> new AlarmLifecycle("http://x", AlarmMetrics.NONE)
                .clear(tx, alarm, "ops@example.org", "refuel ordered", NOW.plusSeconds(90)));
        }
        evaluator.evaluate(NOW.plusSeconds(120));
        assertThat(count("SELECT count(*) FROM alarms")).isEqualTo(1);

        sql("UPDATE analytics_current SET value = 9 WHERE subject_id = 'c1'");
        evaluator.evaluate(NOW.plusSeconds(180));
        sql("UPDATE analytics_current SET value = 4 WHERE subject_id = 'c1'");
        evaluator.evaluate(NOW.plusSeconds(240));
        assertThat(count("SELECT count(*) FROM alarms WHERE status = 'active'")).as("a new episode").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarms")).isEqualTo(2);
    }

    @Test
    void disablingARuleClearsItsAlarms() throws SQLException {
        long rule = rule(THEFT_RULE);
        theft("c1", "t1", 70, 15, 312);
        evaluator.evaluate(NOW);
        try (Connection c = store.dataSource().getConnection()) {
            RuleStore.delete(c, rule, "admin", NOW);
        }
        evaluator.evaluate(NOW.plusSeconds(60));
        assertThat(count("SELECT count(*) FROM alarm_rules WHERE NOT enabled")).as("a used rule is kept, disabled")
            .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alarm_history WHERE action = 'cleared' AND comment = 'rule disabled'"))
            .isEqualTo(1);
    }
}
