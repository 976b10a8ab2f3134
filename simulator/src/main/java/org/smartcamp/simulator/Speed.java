package org.smartcamp.simulator;

import java.util.Locale;

/**
 * How fast simulated time runs against the wall clock: {@code 1} is real time, {@code 60} a minute per second,
 * {@link #MAX} as fast as the destination takes.
 *
 * @param factor simulated seconds per wall-clock second; infinite for {@link #MAX}
 */
public record Speed(double factor) {
    /** As fast as the broker (or file) takes it. */
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
    /** Real time. */
    public static final Speed REAL_TIME = new Speed(1);

    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be greater than zero, not " + factor);
        }
    }

    /**
     * Parses {@code max}, {@code realtime}, or a factor such as {@code 60} or {@code 60x}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Speed parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        if (t.equals("realtime") || t.equals("real-time")) {
            return REAL_TIME;
        }
        try {
            return new Speed(Double.parseDouble(t.endsWith("x") ? t.substring(0, t.length() - 1) : t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speed '" + text + "' is not max, realtime or a factor such as 60");
        }
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : factor + "x";
    }
}
