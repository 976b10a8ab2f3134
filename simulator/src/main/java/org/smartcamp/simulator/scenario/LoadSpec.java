package org.smartcamp.simulator.scenario;

import java.util.List;

/**
 * The camp's electric load: {@code population * kwPerPerson * daily(hour) * weekly(day) * (1 + variation)}
 * plus cooling {@code coolingKwPerDegC * max(0, temp - coolingThresholdC)}.
 *
 * @param kwPerPerson      average base load per inhabitant
 * @param dailyShape       24 factors, one per local hour (linearly interpolated)
 * @param weeklyShape      7 factors, Monday first
 * @param coolingKwPerDegC extra load per degree above the threshold
 * @param coolingThresholdC temperature above which cooling runs
 * @param variation        standard deviation of the slow random variation, relative
 * @param powerFactor      average power factor of the load
 */
public record LoadSpec(double kwPerPerson, List<Double> dailyShape, List<Double> weeklyShape,
                       double coolingKwPerDegC, double coolingThresholdC, double variation, double powerFactor) {

    public LoadSpec {
        dailyShape = List.copyOf(dailyShape);
        weeklyShape = List.copyOf(weeklyShape);
    }
}
