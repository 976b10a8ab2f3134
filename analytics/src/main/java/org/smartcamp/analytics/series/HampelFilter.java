package org.smartcamp.analytics.series;

import java.util.Arrays;

/**
 * Removes spikes from a gauge (a Hampel filter): a sample further from the median of its neighbours (the
 * {@code halfWindow} samples on each side) than {@code sigmas} robust standard deviations
 * ({@code 1.4826 * MAD}, at least {@code minScale}) is replaced by that median. Steps in the signal survive (the
 * median follows a step); isolated spikes do not, unless a second signal confirms them ({@link Confirmation}).
 */
public final class HampelFilter {
    private static final double MAD_TO_SIGMA = 1.4826;

    private final int halfWindow;
    private final double sigmas;
    private final double minScale;

    /**
     * @throws IllegalArgumentException when {@code halfWindow < 1} or {@code sigmas <= 0}
     */
    public HampelFilter(int halfWindow, double sigmas, double minScale) {
        if (halfWindow < 1 || sigmas <= 0) {
            throw new IllegalArgumentException("halfWindow must be >= 1 and sigmas > 0");
        }
        this.halfWindow = halfWindow;
        this.sigmas = sigmas;
        this.minScale = minScale;
    }

    /** Whether a second signal confirms sample {@code i} of value {@code value}, which differs from its median. */
    @FunctionalInterface
    public interface Confirmation {
        /** Never: every outlier is replaced. */
        Confirmation NONE = (i, value, median) -> false;

        boolean confirms(int i, double value, double median);

        /** Confirmed when this or {@code other} confirms. */
        default Confirmation or(Confirmation other) {
            return (i, value, median) -> confirms(i, value, median) || other.confirms(i, value, median);
        }
    }

    /** The filtered series (same times) and how many samples were replaced. */
    public Result filter(Series s) {
        return filter(s, Confirmation.NONE);
    }

    /**
     * The filtered series (same times) and how many samples were replaced; an outlier that {@code confirmed}
     * confirms (a set's running state that says it did run for that one reading) is kept.
     */
    public Result filter(Series s, Confirmation confirmed) {
        double[] in = s.values();
        double[] out = in.clone();
        double[] window = new double[2 * halfWindow + 1];
        double[] deviations = new double[window.length];
        int replaced = 0;
        for (int i = 0; i < in.length; i++) {
            int a = Math.max(0, i - halfWindow);
            int b = Math.min(in.length, i + halfWindow + 1);
            int n = b - a;
            System.arraycopy(in, a, window, 0, n);
            double median = median(window, n);
            for (int k = 0; k < n; k++) {
                deviations[k] = Math.abs(in[a + k] - median);
            }
            double scale = Math.max(minScale, MAD_TO_SIGMA * median(deviations, n));
            if (Math.abs(in[i] - median) > sigmas * scale && !confirmed.confirms(i, in[i], median)) {
                out[i] = median;
                replaced++;
            }
        }
        return new Result(replaced == 0 ? s : Series.of(s.times(), out), replaced);
    }

    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** A filtered series and the number of samples replaced. */
    public record Result(Series series, int replaced) {
    }
}
