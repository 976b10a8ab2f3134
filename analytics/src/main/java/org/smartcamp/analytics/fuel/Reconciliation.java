package org.smartcamp.analytics.fuel;

import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;

/**
 * Detected refuels set against delivery records.
 *
 * @param matches             each delivery paired with the refuel that measured it
 * @param shortFills          a {@code SHORT_FILL} event for each match measured short by more than the tolerance
 * @param unmatchedRefuels    refuels with no delivery record (fuel from an unrecorded source)
 * @param unmatchedDeliveries deliveries no refuel was measured for (fuel paid for and never seen in a tank)
 */
public record Reconciliation(List<Match> matches, List<DetectedEvent> shortFills, List<DetectedEvent> unmatchedRefuels,
                             List<Delivery> unmatchedDeliveries) {

    public Reconciliation {
        matches = List.copyOf(matches);
        shortFills = List.copyOf(shortFills);
        unmatchedRefuels = List.copyOf(unmatchedRefuels);
        unmatchedDeliveries = List.copyOf(unmatchedDeliveries);
    }

    /**
     * A delivery and its refuel.
     *
     * @param delivery    the record
     * @param refuel      the detected refuel
     * @param differenceL measured minus recorded litres
     * @param fraction    {@code differenceL} as a share of the recorded litres
     */
    public record Match(Delivery delivery, DetectedEvent refuel, double differenceL, double fraction) {
    }
}
