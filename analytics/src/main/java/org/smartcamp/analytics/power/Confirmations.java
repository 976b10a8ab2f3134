package org.smartcamp.analytics.power;

import java.util.Arrays;
import org.smartcamp.analytics.series.HampelFilter;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.Sampling;

/**
 * Second signals that confirm a power reading the spike filter would replace: a real change (a one-minute run,
 * a one-minute stop, a one-minute load step) shows in them too, a spike of the power register does not.
 */
final class Confirmations {
    private Confirmations() {
    }

    /**
     * The running state confirms a reading when it says the same about the set as the reading (above or below
     * {@code runningKw}) and the opposite of the window's median. An averaged reading stands for its interval, so
     * the set ran in it when any state in force during the interval (from the previous reading to this one) was 1.
     */
    static HampelFilter.Confirmation byRunning(Series power, Series running, double runningKw, Sampling sampling) {
        if (running.isEmpty()) {
            return HampelFilter.Confirmation.NONE;
        }
        return (i, value, median) -> {
            long t = power.time(i);
            long from = sampling == Sampling.AVERAGED && i > 0 ? power.time(i - 1) : t;
            int k = running.indexAtOrAfter(t + 1) - 1;
            if (k < 0) {
                return false;
            }
            boolean ran = false;
            for (int j = Math.max(0, running.indexAtOrAfter(from + 1) - 1); j <= k; j++) {
                ran |= running.value(j) >= 0.5;
            }
            return ran == value > runningKw && ran != median > runningKw;
        };
    }

    /**
     * The apparent power (kVA, a separate register of the same meter) confirms a reading when its reading at the
     * same time is nearer to what the reading implies than to what the median implies, at the power factor the
     * two registers show around it.
     */
    static HampelFilter.Confirmation byApparent(Series power, Series apparent) {
        if (apparent.isEmpty()) {
            return HampelFilter.Confirmation.NONE;
        }
        return (i, value, median) -> {
            long t = power.time(i);
            int k = apparent.indexAtOrAfter(t);
            if (k >= apparent.size() || apparent.time(k) != t) {
                return false;
            }
            double pf = powerFactorNear(power, apparent, i);
            if (Double.isNaN(pf)) {
                return false;
            }
            double kva = apparent.value(k);
            return Math.abs(kva - value / pf) < Math.abs(kva - median / pf);
        };
    }

    /** The median of power / apparent over the readings around {@code i} whose two registers share a time. */
    private static double powerFactorNear(Series power, Series apparent, int i) {
        double[] ratios = new double[15];
        int n = 0;
        for (int j = Math.max(0, i - 7); j < Math.min(power.size(), i + 8); j++) {
            if (j == i) {
                continue;
            }
            int k = apparent.indexAtOrAfter(power.time(j));
            if (k < apparent.size() && apparent.time(k) == power.time(j) && apparent.value(k) > 0
                    && power.value(j) > 0) {
                ratios[n++] = power.value(j) / apparent.value(k);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(ratios, 0, n);
        return ratios[n / 2];
    }
}
