package org.smartcamp.analytics.power;

import java.time.Instant;

/**
 * A camp's power figures over one period, each with its coverage.
 *
 * @param start               period start
 * @param end                 period end (exclusive)
 * @param generatorKwh        energy from the generators
 * @param pvKwh               energy from PV (delivered, so after curtailment; includes what charged the battery)
 * @param batteryDischargeKwh energy from the battery
 * @param batteryChargeKwh    energy into the battery
 * @param loadKwh             energy served: generators + PV + discharge - charge
 * @param renewableFraction   {@code pv / load}
 * @param dieselDisplacedL    diesel PV saved: {@code f1 * pv} plus {@code f0 * rated} for every hour all sets could
 *                            stay off while PV and battery carried the load
 * @param batteryCycles       equivalent full cycles, {@code discharge / capacity}
 * @param availability        uptime / (uptime + downtime); its coverage is the share of time with a verdict
 * @param outageHours         downtime, hours
 */
public record CampBucket(Instant start, Instant end, CoveredValue generatorKwh, CoveredValue pvKwh,
                         CoveredValue batteryDischargeKwh, CoveredValue batteryChargeKwh, CoveredValue loadKwh,
                         CoveredValue renewableFraction, CoveredValue dieselDisplacedL, CoveredValue batteryCycles,
                         CoveredValue availability, CoveredValue outageHours) {
}
