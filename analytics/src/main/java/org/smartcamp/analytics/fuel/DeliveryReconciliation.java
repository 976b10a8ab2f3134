package org.smartcamp.analytics.fuel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Sets detected refuels against delivery records: a record matches a refuel of the same tank within the match
 * time (closest pairs first, each used once); a refuel measured more than the short-fill tolerance below its
 * record is a {@code SHORT_FILL}, with the refuel's readings and both figures as evidence.
 */
public final class DeliveryReconciliation {
    private final FuelSettings settings;

    public DeliveryReconciliation(FuelSettings settings) {
        this.settings = settings;
    }

    /** The reconciliation of {@code refuels} (REFUEL events of tanks) with {@code deliveries}. */
    public Reconciliation reconcile(List<DetectedEvent> refuels, List<Delivery> deliveries) {
        long tolerance = settings.millis(FuelSetting.DELIVERY_MATCH_HOURS);
        List<Candidate> candidates = new ArrayList<>();
        for (Delivery d : deliveries) {
            for (DetectedEvent r : refuels) {
                long distance = distance(d, r);
                if (r.assetId().equals(d.tankId()) && distance <= tolerance) {
                    candidates.add(new Candidate(d, r, distance));
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::distance));
        Set<Delivery> usedDeliveries = new HashSet<>();
        Set<DetectedEvent> usedRefuels = new HashSet<>();
        List<Reconciliation.Match> matches = new ArrayList<>();
        List<DetectedEvent> shortFills = new ArrayList<>();
        for (Candidate c : candidates) {
            if (usedDeliveries.contains(c.delivery()) || usedRefuels.contains(c.refuel())) {
                continue;
            }
            usedDeliveries.add(c.delivery());
            usedRefuels.add(c.refuel());
            double diff = c.refuel().quantity() - c.delivery().litres();
            Reconciliation.Match m = new Reconciliation.Match(c.delivery(), c.refuel(), diff,
                diff / c.delivery().litres());
            matches.add(m);
            if (m.fraction() < -settings.get(FuelSetting.SHORT_FILL_TOLERANCE)) {
                shortFills.add(shortFill(m));
            }
        }
        List<DetectedEvent> unmatchedRefuels = refuels.stream().filter(r -> !usedRefuels.contains(r)).toList();
        List<Delivery> unmatchedDeliveries = deliveries.stream().filter(d -> !usedDeliveries.contains(d)).toList();
        return new Reconciliation(matches, shortFills, unmatchedRefuels, unmatchedDeliveries);
    }

    /** Milliseconds between the delivery's time and the refuel's window (0 inside it). */
    private static long distance(Delivery d, DetectedEvent r) {
        long t = d.deliveredAt().toEpochMilli();
        long s = r.start().toEpochMilli();
        long e = r.end().toEpochMilli();
        return t < s ? s - t : t > e ? t - e : 0;
    }

    private DetectedEvent shortFill(Reconciliation.Match m) {
        DetectedEvent r = m.refuel();
        Map<String, Double> figures = new LinkedHashMap<>(r.evidence().figures());
        figures.put("delivered_l", m.delivery().litres());
        figures.put("measured_l", r.quantity());
        figures.put("shortfall_l", -m.differenceL());
        figures.put("tolerance", settings.get(FuelSetting.SHORT_FILL_TOLERANCE));
        String text = String.format(Locale.ROOT, "Delivery %s recorded %.0f L but the tank gained %.0f L (%.1f %%"
                + " short, tolerance %.1f %%); the delivery was %s from the measured refuel.",
            m.delivery().reference() == null ? "(no reference)" : m.delivery().reference(), m.delivery().litres(),
            r.quantity(), -100 * m.fraction(), 100 * settings.get(FuelSetting.SHORT_FILL_TOLERANCE),
            describe(Duration.ofMillis(distance(m.delivery(), r))));
        Evidence e = new Evidence(r.evidence().windowStart(), r.evidence().windowEnd(), r.evidence().metric(),
            r.evidence().readings(), figures, text);
        return new DetectedEvent(EventKind.SHORT_FILL, r.assetId(), r.start(), r.end(), -m.differenceL(), "L", e);
    }

    private static String describe(Duration d) {
        return d.isZero() ? "within the time" : d.toMinutes() + " min";
    }

    private record Candidate(Delivery delivery, DetectedEvent refuel, long distance) {
    }
}
