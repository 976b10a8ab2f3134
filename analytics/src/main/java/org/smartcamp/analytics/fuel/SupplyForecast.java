package org.smartcamp.analytics.fuel;

import java.time.Instant;

/**
 * Days of supply of a tank or a camp as of a moment, from the burn rate over recent consumption.
 *
 * @param subjectId        the tank's asset id or the camp id
 * @param asOf             the moment of the forecast
 * @param volumeL          the fuel held then (fitted level), litres
 * @param usableL          {@code volumeL} less the unusable litres
 * @param burnLitresPerDay the burn rate: minus the regression slope of the volume, litres per day
 * @param burnSe           the slope's standard error, litres per day
 * @param days             days of supply {@code usableL / burnLitresPerDay}; NaN when nothing is burned or no
 *                         rate could be fitted
 * @param daysLow          lower end of the interval (burn rate plus z standard errors)
 * @param daysHigh         upper end (burn rate minus z standard errors; infinite when that is not positive)
 * @param reorderDate      when the days of supply fall to the lead time plus the safety days ({@code asOf} when
 *                         they already have); null when {@code days} is NaN
 * @param coverage         share of the lookback with readings used (0..1)
 * @param samples          readings in the regression
 */
public record SupplyForecast(String subjectId, Instant asOf, double volumeL, double usableL,
                             double burnLitresPerDay, double burnSe, double days, double daysLow, double daysHigh,
                             Instant reorderDate, double coverage, long samples) {
}
