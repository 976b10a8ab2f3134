package org.smartcamp.analytics.alarm;

import java.util.Map;
import java.util.Objects;

/**
 * What a rule's condition found for one subject in one evaluation.
 *
 * @param subject  the stable key: {@code event:<id>}, {@code asset:<camp>/<asset>/<kind>}, {@code camp:<camp>},
 *                 {@code asset:<camp>/<asset>} or {@code gateway:<camp>/<gateway>}
 * @param assetId  the asset concerned, or null
 * @param eventId  the event behind it (its evidence), or null
 * @param quantity the size (litres, hours, days), or null
 * @param details  plain JSON values shown with the alarm
 */
public record Finding(String subject, String campId, String assetId, Long eventId, String summary, Double quantity,
                      String unit, Map<String, Object> details) {
    public Finding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(campId, "campId");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
