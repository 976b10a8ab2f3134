package org.smartcamp.analytics.power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Figure;

/**
 * Flags SFC_DEGRADATION: on at least {@code power.sfcDegradationDays} consecutive judged days the fuel burned
 * exceeds what the curve expects for the day's energy and running hours by more than
 * {@code power.sfcDegradationRatio}. A day is judged when the set ran at least {@code power.sfcMinRunHours} and its
 * fuel and energy are at least 80 % covered; days not judged neither count nor break a streak.
 */
final class SfcMonitor {
    private static final double MIN_COVERAGE = 0.8;

    private final PowerSettings.FuelRules rules;

    SfcMonitor(PowerSettings settings) {
        this.rules = settings.fuel();
    }

    List<DetectedEvent> detect(GeneratorRating rating, List<GeneratorBucket> days) {
        List<DetectedEvent> out = new ArrayList<>();
        List<GeneratorBucket> streak = new ArrayList<>();
        for (GeneratorBucket d : days) {
            if (!judged(d)) {
                continue;
            }
            if (excess(d) > rules.degradationRatio()) {
                streak.add(d);
            } else {
                flush(rating, streak, out);
            }
        }
        flush(rating, streak, out);
        return out;
    }

    private boolean judged(GeneratorBucket d) {
        return d.fuelL().known() && d.expectedFuelL().known() && d.runningHours().orElse(0) >= rules.minRunHoursPerDay()
            && d.expectedFuelL().value() > 0 && d.fuelL().coverage() >= MIN_COVERAGE
            && d.expectedFuelL().coverage() >= MIN_COVERAGE;
    }

    private static double excess(GeneratorBucket d) {
        return d.fuelL().value() / d.expectedFuelL().value() - 1;
    }

    private void flush(GeneratorRating rating, List<GeneratorBucket> streak, List<DetectedEvent> out) {
        if (streak.size() >= rules.degradationDays()) {
            out.add(event(rating, streak));
        }
        streak.clear();
    }

    private DetectedEvent event(GeneratorRating rating, List<GeneratorBucket> streak) {
        double fuel = 0;
        double expected = 0;
        double energy = 0;
        List<Evidence.Point> points = new ArrayList<>();
        for (GeneratorBucket d : streak) {
            fuel += d.fuelL().value();
            expected += d.expectedFuelL().value();
            energy += d.energyKwh().orElse(0);
            points.add(new Evidence.Point(d.start(), d.fuelL().value() / d.expectedFuelL().value()));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("days", (double) streak.size());
        figures.put(Figure.FUEL_L.id(), fuel);
        figures.put("expected_fuel_l", expected);
        figures.put("excess_ratio", fuel / expected - 1);
        figures.put("threshold_ratio", rules.degradationRatio());
        if (energy > 0) {
            figures.put(Figure.SFC_L_PER_KWH.id(), fuel / energy);
            figures.put("expected_sfc_l_per_kwh", expected / energy);
        }
        String text = String.format(Locale.ROOT, "Burned %.0f L over %d days where the fuel curve expects %.0f L "
            + "(%.0f %% more, threshold %.0f %%): check injectors, filters, air intake or the flow meter", fuel,
            streak.size(), expected, 100 * (fuel / expected - 1), 100 * rules.degradationRatio());
        Evidence evidence = new Evidence(streak.get(0).start(), streak.get(streak.size() - 1).end(),
            "fuel.used/expected", points, figures, text);
        return new DetectedEvent(EventKind.SFC_DEGRADATION, rating.assetId(), streak.get(0).start(),
            streak.get(streak.size() - 1).end(), fuel - expected, "L", evidence);
    }
}
