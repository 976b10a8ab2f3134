package org.smartcamp.analytics.fuel;

import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;

/**
 * A tank's daily unexplained losses and the leaks they set off.
 *
 * @param days  one entry per UTC day with data
 * @param leaks the {@code LEAK} events
 */
public record LeakReport(List<DailyLoss> days, List<DetectedEvent> leaks) {

    public LeakReport {
        days = List.copyOf(days);
        leaks = List.copyOf(leaks);
    }
}
