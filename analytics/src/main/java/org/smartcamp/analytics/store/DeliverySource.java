package org.smartcamp.analytics.store;

import java.time.Instant;
import java.util.List;
import org.smartcamp.analytics.fuel.Delivery;

/** Where the fuel analytics find the recorded deliveries: the store in the job, a list in tests. */
@FunctionalInterface
public interface DeliverySource {
    /** No delivery records at all. */
    DeliverySource NONE = (camp, tanks, from, to) -> List.of();

    /** The deliveries into camp {@code campId}'s tanks {@code tankIds} recorded in {@code [from, to)}, oldest first. */
    List<Delivery> deliveries(String campId, List<String> tankIds, Instant from, Instant to);
}
