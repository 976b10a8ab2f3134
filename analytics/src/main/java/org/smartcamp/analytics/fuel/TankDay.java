package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.Map;

/**
 * A tank's fuel account for one UTC day, the fuel auditor's line: opening level, plus what came in (refuels, or
 * transfers into a day tank), minus thefts and drains, minus the detected leak, minus what the sets, day tanks and
 * vehicles it feeds took by their own sources (flow meter or fuel curve, never this tank's level), should equal the
 * closing level. The residual is what the account does not explain; it is within when its size is at most 1.96 times
 * its 1-sigma uncertainty (95 %).
 *
 * @param tankId        the tank
 * @param day           the day's start (UTC midnight)
 * @param openingL      the level at the day's start (median of the readings around it), litres
 * @param closingL      the level at the day's end
 * @param inL           refuels (a day tank: transfers in) in the day
 * @param theftsL       thefts and drains in the day
 * @param leakL         the detected leak's litres in the day
 * @param consumedL     what the generators it feeds burned, by their own sources
 * @param movedOutL     transfers into the day tanks it fills and fills of the vehicles it fuels
 * @param residualL     {@code closing - (opening + in - thefts - leak - consumed - movedOut)}
 * @param sigmaL        1 sigma of the residual: both levels (noise, resolution, strapping), the events' measurement,
 *                      the leak's rate and the consumers' sources, independent
 * @param coverage      the least of the consumers' coverage of the day (1 when it feeds none)
 * @param consumers     per consumer: its litres, 1 sigma and the source they come from
 */
public record TankDay(String tankId, Instant day, double openingL, double closingL, double inL, double theftsL,
                      double leakL, double consumedL, double movedOutL, double residualL, double sigmaL,
                      double coverage, Map<String, Consumer> consumers) {
    /** The residual is within when no more than this many sigma (95 %). */
    public static final double Z = 1.96;

    public TankDay {
        consumers = Map.copyOf(consumers);
    }

    /** One consumer's share of the day: litres, 1 sigma and source. */
    public record Consumer(double litres, double sigmaL, ConsumptionSource source) {
    }

    /** Whether the residual is within its 95 % uncertainty. */
    public boolean within() {
        return Math.abs(residualL) <= Z * sigmaL;
    }

    /** {@code within}, or {@code unexplained_loss} / {@code unexplained_gain} beyond it. */
    public String verdict() {
        return within() ? "within" : residualL < 0 ? "unexplained_loss" : "unexplained_gain";
    }
}
