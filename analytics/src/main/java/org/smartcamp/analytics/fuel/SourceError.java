package org.smartcamp.analytics.fuel;

import org.smartcamp.analytics.series.Series;

/**
 * The uncertainty of one consumption source: the standard deviation (1 sigma, litres) of the litres it gives for a
 * time range, and one line saying what it rests on. Estimated from the data where the data allow (a counter's
 * resolution, a gauge's noise and readings, a strapping table's spacing, a curve's fit against the tank), from a
 * documented prior otherwise.
 */
interface SourceError {
    /** A flow meter's class: 0.5 % at 95 %, as 1 sigma (a prior: the data cannot tell a meter's own bias). */
    double METER_CLASS_SIGMA = 0.0025;
    /**
     * A fuel curve checked against nothing (a datasheet's or the default curve): 5 % 1 sigma, the tolerance ISO 3046
     * gives a set's declared fuel consumption.
     */
    double CURVE_PRIOR_SIGMA = 0.05;

    /** 1-sigma litres of {@code litres} measured over {@code [from, to)}. */
    double sigma(long from, long to, double litres);

    /** What the figure's uncertainty rests on, for people. */
    String basis();

    /** A flow meter: its counter's resolution (smallest step seen) at both ends, and the meter class. */
    static SourceError meter(Series counter) {
        double step = resolution(counter);
        return new SourceError() {
            @Override
            public double sigma(long from, long to, double litres) {
                double r = Double.isFinite(step) ? step : 0;
                return Math.sqrt(r * r / 6 + Math.pow(METER_CLASS_SIGMA * litres, 2));
            }

            @Override
            public String basis() {
                return String.format(java.util.Locale.ROOT, "flow meter: counter resolution %.3g L, meter class "
                    + "0.5 %% at 95 %% (prior)", Double.isFinite(step) ? step : 0);
            }
        };
    }

    /** A share {@code fraction} (1 sigma) of the litres, for the reason {@code basis}. */
    static SourceError proportional(double fraction, String basis) {
        return new SourceError() {
            @Override
            public double sigma(long from, long to, double litres) {
                return Math.abs(fraction * litres);
            }

            @Override
            public String basis() {
                return basis;
            }
        };
    }

    /** The smallest positive step between consecutive readings: the sensor's resolution; NaN with none. */
    static double resolution(Series s) {
        double min = Double.NaN;
        for (int i = 1; i < s.size(); i++) {
            double d = Math.abs(s.value(i) - s.value(i - 1));
            if (d > 1e-9 && !(d >= min)) {
                min = d;
            }
        }
        return min;
    }
}
