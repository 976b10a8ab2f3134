package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
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
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * Events are entities: a detector that runs again over a window is reconciled with what it stored there, so an
 * event keeps its id across passes, revisions and re-analysis, and one that later data disproves is retracted.
 */
class EventStoreIT {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Set<EventKind> THEFT = Set.of(EventKind.THEFT);
    private MigratedStore store;
    private EventStore events;

    @BeforeEach
    void setUp() {
        store = MigratedStore.create("events");
        events = new EventStore(store.dataSource(), Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static DetectedEvent event(EventKind kind, String asset, int startH, double litres) {
        return event(kind, asset, 60 * startH, 30, litres);
    }

    private static DetectedEvent event(EventKind kind, String asset, int startMin, int minutes, double litres) {
        Instant start = T0.plusSeconds(60L * startMin);
        Instant end = start.plusSeconds(60L * minutes);
        Evidence evidence = new Evidence(start, end, "fuel.volume",
            List.of(new Evidence.Point(start, 5000), new Evidence.Point(end, 5000 - litres)),
            Map.of("loss_l", litres), litres + " L lost");
        return new DetectedEvent(kind, asset, start, end, litres, "L", evidence);
    }

    private static EventScope scope(String asset, Set<EventKind> kinds, int fromH, int toH) {
        return new EventScope("c1", List.of(asset), kinds, T0.plusSeconds(3600L * fromH), T0.plusSeconds(3600L * toH));
    }

    private long id(String asset, String kind, int startMin) {
        return store.db().queryLong("SELECT id FROM analytics_events WHERE asset_id = '" + asset + "' AND kind = '"
            + kind + "' AND starts_at = '" + T0.plusSeconds(60L * startMin) + "'");
    }

    private long count(String where) {
        return store.db().queryLong("SELECT count(*) FROM analytics_events WHERE " + where);
    }

    @Test
    void runningADetectorAgainRevisesOrRetractsItsEventsInTheWindowAndNothingElse() {
        events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 2, 250),
            event(EventKind.THEFT, "t1", 10, 80)));
        events.reconcile(scope("t1", THEFT, 24, 48), List.of(event(EventKind.THEFT, "t1", 30, 40)));
        events.reconcile(scope("t1", Set.of(EventKind.REFUEL), 0, 24),
            List.of(event(EventKind.REFUEL, "t1", 5, 3000)));
        events.reconcile(scope("t2", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t2", 2, 99)));
        long theft2 = id("t1", "theft", 120);
        long theft10 = id("t1", "theft", 600);

        // The same run again: nothing doubles, nothing is revised.
        EventStore.Outcome same = events.reconcile(scope("t1", THEFT, 0, 24),
            List.of(event(EventKind.THEFT, "t1", 2, 250), event(EventKind.THEFT, "t1", 10, 80)));
        assertThat(same).isEqualTo(new EventStore.Outcome(0, 0, 0, 2));
        assertThat(count("true")).isEqualTo(5);

        // More data (a backlog): the 10:00 theft was consumption after all, and the 02:00 one was larger.
        EventStore.Outcome more = events.reconcile(scope("t1", THEFT, 0, 24),
            List.of(event(EventKind.THEFT, "t1", 2, 260)));

        assertThat(more).isEqualTo(new EventStore.Outcome(0, 1, 1, 0));
        assertThat(id("t1", "theft", 120)).isEqualTo(theft2);
        assertThat(count("true")).as("nothing deleted").isEqualTo(5);
        assertThat(count("id = " + theft10 + " AND status = 'retracted' AND revision = 2"
            + " AND retracted_reason LIKE 'no longer detected%'")).isEqualTo(1);
        assertThat(count("id = " + theft2 + " AND status = 'active' AND revision = 2 AND quantity = 260"
            + " AND detected_at = updated_at")).isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_event_revisions WHERE event_id = " + theft2
            + " AND revision = 2 AND change = 'quantity 250.0 L -> 260.0 L'")).isEqualTo(1);
        List<EventStore.StoredEvent> t1 = events.events("c1", "t1", T0, T0.plusSeconds(3 * 86_400));
        assertThat(t1).extracting(e -> e.event().kind().id() + "@" + e.event().start() + "=" + e.event().quantity())
            .containsExactly("theft@2026-03-02T02:00:00Z=260.0", "refuel@2026-03-02T05:00:00Z=3000.0",
                "theft@2026-03-03T06:00:00Z=40.0");
        assertThat(t1.get(0).id()).isEqualTo(theft2);
        assertThat(t1.get(0).revision()).isEqualTo(2);
        assertThat(t1.get(0).event().evidence()).isEqualTo(event(EventKind.THEFT, "t1", 2, 260).evidence());
        assertThat(events.events("c1", "t2", T0, T0.plusSeconds(86_400))).hasSize(1);
    }

    @Test
    void anEventKeepsItsIdAcrossTenPassesALateBacklogThatMovesItAndARetractionAndReturn() {
        events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 600, 20, 120)));
        long id = id("t1", "theft", 600);
        for (int pass = 0; pass < 10; pass++) {
            events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 600, 20, 120)));
        }
        assertThat(count("id = " + id + " AND revision = 1")).isEqualTo(1);

        // a backlog: the drain began 10 minutes earlier and lasted longer, and more litres went
        events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 590, 45, 180)));
        assertThat(id("t1", "theft", 590)).isEqualTo(id);
        assertThat(count("id = " + id + " AND revision = 2 AND quantity = 180")).isEqualTo(1);

        // disproved, then found again by a full re-analysis
        events.reconcile(scope("t1", THEFT, 0, 24), List.of());
        events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 592, 40, 175)));

        assertThat(count("true")).isEqualTo(1);
        assertThat(count("id = " + id + " AND status = 'active' AND revision = 4 AND retracted_reason IS NULL"))
            .isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_event_revisions WHERE event_id = " + id))
            .isEqualTo(4);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_event_revisions WHERE event_id = " + id
            + " AND revision = 4 AND change LIKE 'detected again%'")).isEqualTo(1);
    }

    @Test
    void aDetectionInTheContextRevisesButNeverAddsOrRetracts() {
        events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 20, 100)));
        long id = id("t1", "theft", 1200);
        EventScope nextDay = new EventScope("c1", List.of("t1"), THEFT, T0, T0.plusSeconds(86_400),
            T0.plusSeconds(2 * 86_400));

        events.reconcile(nextDay, List.of(event(EventKind.THEFT, "t1", 20, 110), event(EventKind.THEFT, "t1", 5, 9)));
        events.reconcile(nextDay, List.of());

        assertThat(count("true")).isEqualTo(1);
        assertThat(count("id = " + id + " AND status = 'active' AND quantity = 110")).isEqualTo(1);
    }

    @Test
    void anEventOutsideTheScopeAndItsContextIsRefused() {
        assertThatThrownBy(() -> events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.THEFT, "t1", 30,
            1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> events.reconcile(scope("t1", THEFT, 0, 24), List.of(event(EventKind.LEAK, "t1", 3,
            1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("true")).isZero();
    }
}
