package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.HOUR;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;

class DeliveryReconciliationTest {
    private final DeliveryReconciliation reconciliation = new DeliveryReconciliation(FuelSettings.defaults());

    private static Delivery delivery(String tank, double hours, double litres, String reference) {
        return new Delivery(tank, Instant.ofEpochMilli(at(hours * 60)), litres, reference);
    }

    private static DetectedEvent refuel(String tank, double hours, double litres) {
        return Synthetic.event(EventKind.REFUEL, tank, at(hours * 60), at(hours * 60) + HOUR, litres);
    }

    @Test
    void aRefuelFivePercentShortOfItsNoteIsAShortFillAndOneWithinTwoPercentIsNot() {
        DetectedEvent shortOne = refuel("bulk", 10, 2850);
        DetectedEvent fine = refuel("bulk", 40, 2960);
        Reconciliation r = reconciliation.reconcile(List.of(shortOne, fine),
            List.of(delivery("bulk", 9, 3000, "DN-1"), delivery("bulk", 41.5, 3000, "DN-2")));
        assertThat(r.matches()).hasSize(2);
        assertThat(r.matches().stream().filter(m -> m.refuel() == shortOne).findFirst().orElseThrow().fraction())
            .isCloseTo(-0.05, within(1e-9));
        assertThat(r.shortFills()).hasSize(1);
        DetectedEvent s = r.shortFills().get(0);
        assertThat(s.kind()).isEqualTo(EventKind.SHORT_FILL);
        assertThat(s.quantity()).isCloseTo(150, within(1e-9));
        assertThat(s.evidence().figures()).containsEntry("delivered_l", 3000.0).containsEntry("measured_l", 2850.0);
        assertThat(s.evidence().explanation()).contains("DN-1");
        assertThat(r.unmatchedRefuels()).isEmpty();
        assertThat(r.unmatchedDeliveries()).isEmpty();
    }

    @Test
    void recordsOfAnotherTankOrTooFarInTimeStayUnmatched() {
        DetectedEvent r1 = refuel("bulk", 10, 3000);
        Delivery otherTank = delivery("day", 10, 3000, null);
        Delivery tooLate = delivery("bulk", 30, 3000, null);
        Reconciliation r = reconciliation.reconcile(List.of(r1), List.of(otherTank, tooLate));
        assertThat(r.matches()).isEmpty();
        assertThat(r.unmatchedRefuels()).containsExactly(r1);
        assertThat(r.unmatchedDeliveries()).containsExactly(otherTank, tooLate);
    }

    @Test
    void eachRecordAndRefuelIsUsedOnceClosestFirst() {
        DetectedEvent early = refuel("bulk", 10, 3000);
        DetectedEvent late = refuel("bulk", 14, 1000);
        Reconciliation r = reconciliation.reconcile(List.of(early, late),
            List.of(delivery("bulk", 14.2, 1000, "B"), delivery("bulk", 10.5, 3000, "A")));
        assertThat(r.matches()).extracting(m -> m.delivery().reference()).containsExactlyInAnyOrder("A", "B");
        assertThat(r.matches()).allSatisfy(m -> assertThat(m.differenceL()).isZero());
    }
}
