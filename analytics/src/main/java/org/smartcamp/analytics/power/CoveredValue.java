package org.smartcamp.analytics.power;

/**
 * A computed figure and its coverage: the share (0..1) of the data it needs that was present. A value computed
 * from nothing is {@code NaN} with coverage 0 ({@link #unknown()}); a gap is never read as zero.
 *
 * @param value    the figure, {@code NaN} when unknown
 * @param coverage 0..1
 */
public record CoveredValue(double value, double coverage) {
    private static final CoveredValue UNKNOWN = new CoveredValue(Double.NaN, 0);

    /** Coverage is clamped to 0..1 (rounding may step a hair outside). */
    public CoveredValue {
        if (Double.isNaN(coverage)) {
            throw new IllegalArgumentException("coverage must be a number");
        }
        coverage = Math.max(0, Math.min(1, coverage));
    }

    /** No value. */
    public static CoveredValue unknown() {
        return UNKNOWN;
    }

    /** Whether there is a value. */
    public boolean known() {
        return !Double.isNaN(value);
    }

    /** This value when known, else {@code fallback}. */
    public double orElse(double fallback) {
        return known() ? value : fallback;
    }
}
