package org.smartcamp.analytics.series;

import java.util.Arrays;

/** The usual spacing of a series' samples: what its reporting interval looks like from the data. */
public final class SeriesSpacing {
    private SeriesSpacing() {
    }

    /**
     * The median spacing between consecutive samples, or {@code fallbackMs} when the series has fewer than two
     * samples.
     */
    public static long median(Series series, long fallbackMs) {
        if (series.size() < 2) {
            return fallbackMs;
        }
        long[] d = new long[series.size() - 1];
        for (int i = 1; i < series.size(); i++) {
            d[i - 1] = series.time(i) - series.time(i - 1);
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }
}
