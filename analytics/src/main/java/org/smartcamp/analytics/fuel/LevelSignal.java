package org.smartcamp.analytics.fuel;

import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * A tank's (or vehicle's) level readings made ready for event detection. Readings outside the tank's physical
 * range are dropped, so are the repeats of a stuck sensor and spikes far from their running median. Beside the
 * cleaned volume it holds the <em>balance</em>: the volume plus the outflow expected up to each reading
 * (consumption, transfers, dispensing), which stays level except where fuel arrives or goes missing.
 */
final class LevelSignal {
    private final Series volume;
    private final Series balance;
    private final NoiseProfile noise;

    private LevelSignal(Series volume, Series balance, NoiseProfile noise) {
        this.volume = volume;
        this.balance = balance;
        this.noise = noise;
    }

    /**
     * Cleans {@code litres} of a tank of {@code capacityL}; {@code expectedOutflow} (may be empty) is added to
     * make the balance, and readings where it is unknown are left out.
     */
    static LevelSignal of(Series litres, double capacityL, Cumulative expectedOutflow, FuelSettings settings) {
        boolean[] repeat = stuckRepeats(litres, settings.count(FuelSetting.STUCK_MIN_READINGS));
        Series.Builder v = Series.builder();
        Series.Builder b = Series.builder();
        for (int i = 0; i < litres.size(); i++) {
            double x = litres.value(i);
            double e = expectedOutflow.isEmpty() ? 0 : expectedOutflow.at(litres.time(i));
            if (repeat[i] || x < -0.02 * capacityL || x > 1.05 * capacityL || Double.isNaN(e)) {
                continue;
            }
            v.add(litres.time(i), x);
            b.add(litres.time(i), x + e);
        }
        Series balance = b.build();
        NoiseProfile noise = NoiseProfile.of(balance, 1e-6 * capacityL + 0.01);
        boolean[] keep = notSpikes(balance, noise, settings);
        return new LevelSignal(keep(v.build(), keep), keep(balance, keep), noise);
    }

    /** Marks the repeats (all but the first) of runs of at least {@code min} identical readings. */
    private static boolean[] stuckRepeats(Series s, int min) {
        boolean[] repeat = new boolean[s.size()];
        int first = 0;
        for (int i = 1; i <= s.size(); i++) {
            if (i < s.size() && s.value(i) == s.value(first)) {
                continue;
            }
            if (i - first >= min) {
                for (int k = first + 1; k < i; k++) {
                    repeat[k] = true;
                }
            }
            first = i;
        }
        return repeat;
    }

    /**
     * A Hampel filter: a reading is a spike when it lies further from its running median than the spike factor
     * times the larger of the sensor's noise and the window's own spread (so that real steps and ramps stay).
     */
    private static boolean[] notSpikes(Series s, NoiseProfile noise, FuelSettings settings) {
        long half = settings.millis(FuelSetting.SMOOTHING_MINUTES);
        double[] median = SeriesMath.runningMedian(s, half);
        double[] spread = SeriesMath.runningRobustSd(s, half);
        double factor = settings.get(FuelSetting.SPIKE_FACTOR);
        boolean[] keep = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            keep[i] = Math.abs(s.value(i) - median[i]) <= factor * Math.max(noise.at(s.time(i)), spread[i]);
        }
        return keep;
    }

    private static Series keep(Series s, boolean[] keep) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < s.size(); i++) {
            if (keep[i]) {
                b.add(s.time(i), s.value(i));
            }
        }
        return b.build();
    }

    /** The cleaned volume, litres. */
    Series volume() {
        return volume;
    }

    /** The cleaned volume plus the expected outflow so far, at the same times. */
    Series balance() {
        return balance;
    }

    NoiseProfile noise() {
        return noise;
    }
}
