package org.smartcamp.analytics.power;

import java.util.Arrays;

/**
 * Running hours per load-factor bin: bin {@code i} holds load factors in {@code [i * binWidth, (i + 1) * binWidth)};
 * the last bin also holds everything above.
 *
 * @param binWidth width of a bin (load factor)
 * @param hours    running hours per bin
 * @param coverage measured share of the power and running readings
 */
public record LoadHistogram(double binWidth, double[] hours, double coverage) {

    public LoadHistogram {
        hours = hours.clone();
    }

    @Override
    public double[] hours() {
        return hours.clone();
    }

    /** Number of bins. */
    public int bins() {
        return hours.length;
    }

    /** Running hours in bin {@code i}. */
    public double hours(int i) {
        return hours[i];
    }

    /** Share of the running hours in bin {@code i}, 0 when it never ran. */
    public double share(int i) {
        double total = Arrays.stream(hours).sum();
        return total == 0 ? 0 : hours[i] / total;
    }

    /** Lower load-factor bound of bin {@code i}. */
    public double lowerBound(int i) {
        return i * binWidth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadHistogram h && h.binWidth == binWidth && Arrays.equals(h.hours, hours)
            && h.coverage == coverage;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hours) + Double.hashCode(binWidth);
    }

    @Override
    public String toString() {
        return "LoadHistogram[binWidth=" + binWidth + ", hours=" + Arrays.toString(hours) + ", coverage=" + coverage
            + "]";
    }
}
