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
import org.smartcamp.analytics.event.EventKind;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** A detector that runs again over a window replaces its events there: corrected, never doubled. */
class EventStoreIT {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
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
        Instant start = T0.plusSeconds(3600L * startH);
        Evidence evidence = new Evidence(start, start.plusSeconds(1800), "fuel.volume",
            List.of(new Evidence.Point(start, 5000), new Evidence.Point(start.plusSeconds(1800), 5000 - litres)),
            Map.of("loss_l", litres), litres + " L lost");
        return new DetectedEvent(kind, asset, start, start.plusSeconds(1800), litres, "L", evidence);
    }

    private static EventScope scope(String asset, Set<EventKind> kinds, int fromH, int toH) {
        return new EventScope("c1", List.of(asset), kinds, T0.plusSeconds(3600L * fromH), T0.plusSeconds(3600L * toH));
    }

    @Test
    void runningADetectorAgainReplacesItsEventsInTheWindowAndNothingElse() {
        Set<EventKind> theft = Set.of(EventKind.THEFT);
        events.replace(scope("t1", theft, 0, 24), List.of(event(EventKind.THEFT, "t1", 2, 250),
            event(EventKind.THEFT, "t1", 10, 80)));
        events.replace(scope("t1", theft, 24, 48), List.of(event(EventKind.THEFT, "t1", 30, 40)));
        events.replace(scope("t1", Set.of(EventKind.REFUEL), 0, 24), List.of(event(EventKind.REFUEL, "t1", 5, 3000)));
        events.replace(scope("t2", theft, 0, 24), List.of(event(EventKind.THEFT, "t2", 2, 99)));

        // The same run again: nothing doubles.
        events.replace(scope("t1", theft, 0, 24), List.of(event(EventKind.THEFT, "t1", 2, 250),
            event(EventKind.THEFT, "t1", 10, 80)));
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events")).isEqualTo(5);

        // More data (a backlog): the 10:00 theft was consumption after all, and the 02:00 one was larger.
        int written = events.replace(scope("t1", theft, 0, 24), List.of(event(EventKind.THEFT, "t1", 2, 260)));

        assertThat(written).isEqualTo(1);
        List<EventStore.StoredEvent> t1 = events.events("t1", T0, T0.plusSeconds(3 * 86_400));
        assertThat(t1).extracting(e -> e.event().kind().id() + "@" + e.event().start() + "=" + e.event().quantity())
            .containsExactly("theft@2026-03-02T02:00:00Z=260.0", "refuel@2026-03-02T05:00:00Z=3000.0",
                "theft@2026-03-03T06:00:00Z=40.0");
        assertThat(t1.get(0).campId()).isEqualTo("c1");
        assertThat(t1.get(0).event().evidence()).isEqualTo(event(EventKind.THEFT, "t1", 2, 260).evidence());
        assertThat(events.events("t2", T0, T0.plusSeconds(86_400))).hasSize(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events WHERE detected_at ="
            + " '2026-03-03T00:00:00Z' AND evidence->>'explanation' = '260.0 L lost'")).isEqualTo(1);
    }

    @Test
    void aWindowEmptiedByMoreDataLosesItsEventsAndAnEventOutsideTheScopeIsRefused() {
        Set<EventKind> theft = Set.of(EventKind.THEFT);
        events.replace(scope("t1", theft, 0, 24), List.of(event(EventKind.THEFT, "t1", 2, 250)));

        events.replace(scope("t1", theft, 0, 24), List.of());

        assertThat(store.db().queryLong("SELECT count(*) FROM analytics_events")).isZero();
        assertThatThrownBy(() -> events.replace(scope("t1", theft, 0, 24), List.of(event(EventKind.THEFT, "t1", 30,
            1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> events.replace(scope("t1", theft, 0, 24), List.of(event(EventKind.LEAK, "t1", 3,
            1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
