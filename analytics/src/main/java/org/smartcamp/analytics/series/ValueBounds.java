package org.smartcamp.analytics.series;

/** Drops readings outside what is physically possible (a negative level, a power far above the rating). */
public final class ValueBounds {
    private ValueBounds() {
    }

    /** The samples of {@code s} with {@code min <= value <= max} ({@code s} itself when all are). */
    public static Series within(Series s, double min, double max) {
        Series.Builder b = Series.builder();
        int kept = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.value(i) >= min && s.value(i) <= max) {
                b.add(s.time(i), s.value(i));
                kept++;
            }
        }
        return kept == s.size() ? s : b.build();
    }
}
