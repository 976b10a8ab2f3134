package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Issue 15, through the real broker: the same asset id in two camps is two assets, each camp's topic resolving its
 * own; a metric the catalogue does not know is stored and noted per gateway in a camp that accepts it, and
 * dead-lettered as {@code unknown_metric} in a camp in strict mode.
 */
class CampScopedContractIT {
    private static MigratedStore store;

    private final String mission = "cs" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicAddress open = new TopicAddress(mission, mission + "-open", "gw-1");
    private final TopicAddress strict = new TopicAddress(mission, mission + "-strict", "gw-1");
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    @BeforeAll
    static void migrate() {
        store = MigratedStore.create("campscoped");
    }

    @AfterAll
    static void dropSchema() {
        store.close();
    }

    @Test
    void theSameAssetIdInTwoCampsIsStoredApartAndAnUnknownMetricIsFlaggedOrDeadLettered() {
        new InventoryImporter(store.dataSource()).importInventory(InventoryLoader.parse("two camps", """
            missions:
              - id: %s
                camps:
                  - id: %s
                    assets:
                      - {id: dg-1, kind: generator, rated_kw: 100}
                  - id: %s
                    strict_metrics: true
                    assets:
                      - {id: dg-1, kind: generator, rated_kw: 200}
            """.formatted(mission, open.camp(), strict.camp())));
        IngestService ingest = new IngestService(IngestProcess.config(store.db().url(), store.db().user(),
            store.db().password(), TestServices.mqttUrl(), "ingest-" + mission, TopicAddress.telemetryFilter(mission),
            0), Clock.systemUTC());
        ingest.start();
        try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-" + mission, 10)) {
            gateway.publish(open.telemetryTopic(), payload(1, 10, 5));
            gateway.publish(strict.telemetryTopic(), payload(1, 20, 7));
            gateway.publish(open.telemetryTopic(), payload(2, 11, 6));
            gateway.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM readings") >= 5
                && count("SELECT count(*) FROM dead_letters WHERE topic LIKE '%/" + strict.camp() + "/%'") >= 1);
        } finally {
            ingest.stop(Duration.ofSeconds(10));
        }

        assertThat(values(open.camp(), "power.active")).isEqualTo("10,11");
        assertThat(values(strict.camp(), "power.active")).isEqualTo("20");
        assertThat(values(open.camp(), "gen.powr")).as("unknown metric, stored in the open camp").isEqualTo("5,6");
        assertThat(values(strict.camp(), "gen.powr")).isNull();
        assertThat(count("SELECT count(*) FROM assets WHERE id = 'dg-1' AND camp_id LIKE '" + mission + "-%'"
            + " AND registered")).isEqualTo(2);
        assertThat(store.db().queryString("SELECT reason_code || ': ' || detail FROM dead_letters"
            + " WHERE topic = '" + strict.telemetryTopic() + "'"))
            .isEqualTo("unknown_metric: metric 'gen.powr' is not in the catalogue, and camp '" + strict.camp()
                + "' is in strict mode");
        assertThat(store.db().queryString("SELECT u.camp_id || '/' || u.gateway_id || ' ' || m.name || ' '"
            + " || u.readings || ' ' || (u.first_seen_at <= u.last_seen_at)"
            + " FROM gateway_unknown_metrics u JOIN metrics m ON m.id = u.metric_id"
            + " WHERE u.camp_id LIKE '" + mission + "-%'"))
            .as("only the open camp's gateway, with both sightings").isEqualTo(open.camp() + "/gw-1 gen.powr 2 true");
    }

    private byte[] payload(long seq, double power, double unknown) {
        Instant ts = t0.plusSeconds(seq * 60);
        return TelemetryEncoder.encode(new TelemetryBatch(seq, ts, List.of(Reading.of("dg-1", "power.active", ts,
            power), Reading.of("dg-1", "gen.powr", ts, unknown))));
    }

    private String values(String camp, String metric) {
        return store.db().queryString("SELECT string_agg(r.value::text, ',' ORDER BY r.value) FROM readings r"
            + " JOIN assets a ON a.ref = r.asset_ref JOIN metrics m ON m.id = r.metric_id"
            + " WHERE a.camp_id = '" + camp + "' AND a.id = 'dg-1' AND m.name = '" + metric + "'");
    }

    private long count(String sql) {
        return store.db().queryLong(sql);
    }
}
