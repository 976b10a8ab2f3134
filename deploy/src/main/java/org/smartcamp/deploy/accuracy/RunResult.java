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
 * @param energy         daily kWh per generator
 * @param campFuel       daily litres of the camp (generators and vehicles)
 * @param loadFactor     daily mean load factor per generator (days it ran at least an hour)
 * @param refuels        refuels matched against the truth
 * @param refuelVolume   relative volume errors of the matched refuels
 * @param thefts         thefts and drains of 20 L or more
 * @param leaks          leaks of 10 L/day or more
 * @param leakDelays     days from each leak's start to its alarm
 * @param daysOfSupply   days of supply per tank and camp at the end of the run
 * @param outages        camp-wide power outages, start and end each within {@link AccuracyHarness#OUTAGE_TOLERANCE}
 * @param overload       overload events on sets that stayed within their rating
 * @param stuck          stuck gauges of at least {@link AccuracyHarness#MIN_STUCK_READINGS} identical readings
 *                       (a false positive is a flat-line event on a gauge that was not stuck)
 * @param feedSeconds    wall time to feed the run through the ingest pipeline
 * @param analyzeSeconds wall time of the analytics pass
 */
public record RunResult(String scenario, long seed, int days, long readings, Errors fuel, Errors runningHours,
                 Errors loadFactor, Errors energy, Errors campFuel, Score refuels, Errors refuelVolume, Score thefts,
                 Score leaks, List<Double> leakDelays, List<Forecast> daysOfSupply, Score outages, Overload overload,
                 Score stuck, double feedSeconds, double analyzeSeconds) {

    /**
     * Overload events against the sets' true use of their rating.
     *
     * @param setsWithinRating sets whose output never exceeded their rating
     * @param falseEvents      overload events on those sets
     */
    record Overload(int setsWithinRating, int falseEvents) {
        static final Overload NONE = new Overload(0, 0);

        Overload plus(Overload o) {
            return new Overload(setsWithinRating + o.setsWithinRating, falseEvents + o.falseEvents);
        }
    }

    /** One days-of-supply forecast against the truth. */
    record Forecast(String subject, Double estimate, double truth) {
        /** Relative error; 1 (100 %) when there is no estimate. */
        double error() {
            return estimate == null ? 1 : Math.abs(estimate - truth) / Math.abs(truth);
        }
    }

    /**
     * Relative errors of a figure; {@code missing} counts truth values the store had no figure for,
     * {@code withinOnePercent} the values compared whose error was at most 1 %.
     */
    record Errors(int compared, int missing, double worst, double sum, int withinOnePercent) {
        static final Errors NONE = new Errors(0, 0, 0, 0, 0);
        static final double ONE_PERCENT = 0.01;

        Errors add(double error) {
            return new Errors(compared + 1, missing, Math.max(worst, error), sum + error,
                withinOnePercent + (error <= ONE_PERCENT ? 1 : 0));
        }

        Errors addMissing() {
            return new Errors(compared, missing + 1, worst, sum, withinOnePercent);
        }

        Errors plus(Errors o) {
            return new Errors(compared + o.compared, missing + o.missing, Math.max(worst, o.worst), sum + o.sum,
                withinOnePercent + o.withinOnePercent);
        }

        /** Share of the values (missing ones included) within 1 %; 1 when there were none. */
        double shareWithinOnePercent() {
            int all = compared + missing;
            return all == 0 ? 1 : (double) withinOnePercent / all;
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
