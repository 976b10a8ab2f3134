package org.smartcamp.deploy.accuracy;

import java.util.List;

/**
 * The analytics of one simulated run, as stored by the job, against the ground truth.
 *
 * @param scenario       bundled scenario
 * @param seed           its seed
 * @param days           simulated days
 * @param readings       readings stored
 * @param fuel           daily litres per generator (relative errors)
 * @param runningHours   daily running hours per generator
 * @param loadFactor     daily mean load factor per generator (days it ran at least an hour)
 * @param refuels        refuels matched against the truth
 * @param refuelVolume   relative volume errors of the matched refuels
 * @param thefts         thefts and drains of 20 L or more
 * @param leaks          leaks of 10 L/day or more
 * @param leakDelays     days from each leak's start to its alarm
 * @param daysOfSupply   days of supply per tank and camp at the end of the run
 * @param feedSeconds    wall time to feed the run through the ingest pipeline
 * @param analyzeSeconds wall time of the analytics pass
 */
public record RunResult(String scenario, long seed, int days, long readings, Errors fuel, Errors runningHours,
                 Errors loadFactor, Score refuels, Errors refuelVolume, Score thefts, Score leaks,
                 List<Double> leakDelays, List<Forecast> daysOfSupply, double feedSeconds, double analyzeSeconds) {

    /** One days-of-supply forecast against the truth. */
    record Forecast(String subject, Double estimate, double truth) {
        /** Relative error; 1 (100 %) when there is no estimate. */
        double error() {
            return estimate == null ? 1 : Math.abs(estimate - truth) / Math.abs(truth);
        }
    }

    /** Relative errors of a figure; {@code missing} counts truth values the store had no figure for. */
    record Errors(int compared, int missing, double worst, double sum) {
        static final Errors NONE = new Errors(0, 0, 0, 0);

        Errors add(double error) {
            return new Errors(compared + 1, missing, Math.max(worst, error), sum + error);
        }

        Errors addMissing() {
            return new Errors(compared, missing + 1, worst, sum);
        }

        Errors plus(Errors o) {
            return new Errors(compared + o.compared, missing + o.missing, Math.max(worst, o.worst), sum + o.sum);
        }

        double mean() {
            return compared == 0 ? 0 : sum / compared;
        }
    }

    double worstLeakDelay() {
        return leakDelays.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    double worstDaysOfSupply() {
        return daysOfSupply.stream().mapToDouble(Forecast::error).max().orElse(0);
    }
}
