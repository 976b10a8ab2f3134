package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.Map;

/**
 * Litres burned in one bucket (a day, usually) with the source they rest on, why that source, their uncertainty and
 * what the other sources said.
 *
 * @param bucket       the litres, coverage and source as {@link FuelUse#bucket} gives them
 * @param reason       why this source: {@code only_source}, {@code best_coverage}, {@code flow_meter},
 *                     {@code calibrated_to_tank} or {@code lower_uncertainty} ({@link FuelUse#bucket})
 * @param reasonText   the reason for people, with the figures behind it
 * @param sigmaL       1-sigma uncertainty of the litres; NaN without a model for the source
 * @param basis        what the uncertainty rests on
 * @param bySource     every source that covers some of the bucket: its litres, 1 sigma and coverage
 * @param disagreement the tank level minus the curve (calibrated if there is one) when both cover the bucket
 *                     and differ by more than 1.96 times their combined sigma; null otherwise
 */
public record FuelDay(ConsumptionBucket bucket, String reason, String reasonText, double sigmaL, String basis,
                      Map<ConsumptionSource, SourceFigure> bySource, Double disagreement) {

    public FuelDay {
        bySource = Map.copyOf(bySource);
    }

    /** One source's litres, 1 sigma and coverage over the bucket. */
    public record SourceFigure(double litres, double sigmaL, double coverage) {
    }

    public Instant start() {
        return bucket.start();
    }

    /** Whether the tank level and the curve disagree beyond their combined uncertainty on this bucket. */
    public boolean disagrees() {
        return disagreement != null;
    }
}
