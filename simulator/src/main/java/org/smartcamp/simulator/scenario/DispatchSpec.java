package org.smartcamp.simulator.scenario;

import java.time.Duration;

/**
 * The generator dispatch rule.
 *
 * @param rule            how sets are committed
 * @param startLoadFactor start the next set when the running sets would be loaded above this
 * @param stopLoadFactor  stop the last started set when the others would stay below this
 * @param minRun          a started set runs at least this long
 * @param minLoadFactor   without a battery, solar is curtailed so that the first set keeps this load factor
 */
public record DispatchSpec(DispatchRule rule, double startLoadFactor, double stopLoadFactor, Duration minRun,
                           double minLoadFactor) {
}
