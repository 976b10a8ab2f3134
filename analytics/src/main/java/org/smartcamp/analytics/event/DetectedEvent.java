package org.smartcamp.analytics.event;

import java.time.Instant;
import java.util.Objects;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Something the analytics found in the data of one asset: a refuel, a theft or drain, a leak, a low-load
 * period, an outage, a stale or flat-lined sensor. It carries the evidence that made the detector decide, so
 * a user can see why.
 *
 * @param kind     what it is, one of {@link EventKind}
 * @param assetId  the asset it concerns
 * @param start    when it began (event time)
 * @param end      when it ended (event time; equal to start for an instant)
 * @param quantity the size of the event in {@code unit} (litres for fuel events, hours for outages), or
 *                 {@code null} when it has none
 * @param unit     the unit of {@code quantity}, or {@code null}
 * @param evidence the readings and figures behind the decision
 */
public record DetectedEvent(EventKind kind, String assetId, Instant start, Instant end, Double quantity,
                            String unit, Evidence evidence) {

    public DetectedEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(evidence, "evidence");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("event ends before it starts: " + start + " > " + end);
        }
    }
}
