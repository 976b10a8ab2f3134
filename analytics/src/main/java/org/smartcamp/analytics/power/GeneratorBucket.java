package org.smartcamp.analytics.power;

import java.time.Instant;

/**
 * A generator's figures over one period (an hour, a UTC day or the whole analysis), each with its coverage.
 *
 * @param start            period start
 * @param end              period end (exclusive)
 * @param energyKwh        energy delivered
 * @param runningHours     hours running
 * @param starts           starts
 * @param loadFactor       mean load factor while running, {@code energy / (rated * hours)}
 * @param fuelL            fuel burned (flow meter, else the integral of the fuel rate); unknown without either
 * @param expectedFuelL    fuel the curve expects: {@code f0 * rated * hours + f1 * energy}
 * @param sfc              specific fuel consumption, {@code fuel / energy}, L/kWh
 * @param expectedSfc      the curve's SFC at the period's load, {@code expectedFuel / energy}
 * @param lowLoadHours     running hours below the low-load threshold
 * @param wetStackingHours running hours below the wet-stacking threshold
 * @param highLoadHours    running hours in the high-load band: above the high-load threshold, within the rating
 * @param overloadHours    running hours above the rating (the overload threshold)
 * @param targetBandHours  running hours within the target band
 * @param lowLoadPenaltyL  fuel lost to low loading: sum over hours of {@code E * (SFC(LF) - SFC(reference))} where
 *                         the hour's load factor is below the reference
 */
public record GeneratorBucket(Instant start, Instant end, CoveredValue energyKwh, CoveredValue runningHours,
                              CoveredValue starts, CoveredValue loadFactor, CoveredValue fuelL,
                              CoveredValue expectedFuelL, CoveredValue sfc, CoveredValue expectedSfc,
                              CoveredValue lowLoadHours, CoveredValue wetStackingHours, CoveredValue highLoadHours,
                              CoveredValue overloadHours,
                              CoveredValue targetBandHours, CoveredValue lowLoadPenaltyL) {
}
