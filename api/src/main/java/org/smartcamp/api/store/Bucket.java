package org.smartcamp.api.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bucket widths readings can be served at, and where each comes from: sub-hour buckets from the raw
 * readings (date_bin), 1h and 1d straight from the stored rollups, 6h and 12h from the hourly and 7d from the
 * daily rollup. Buckets are aligned to UTC (origin 2000-01-01T00:00Z).
 */
public enum Bucket {
    M1("1m", Duration.ofMinutes(1), Source.BINNED_RAW, null),
    M5("5m", Duration.ofMinutes(5), Source.BINNED_RAW, null),
    M15("15m", Duration.ofMinutes(15), Source.BINNED_RAW, null),
    M30("30m", Duration.ofMinutes(30), Source.BINNED_RAW, null),
    H1("1h", Duration.ofHours(1), Source.ROLLUP, "readings_hourly"),
    H6("6h", Duration.ofHours(6), Source.BINNED_ROLLUP, "readings_hourly"),
    H12("12h", Duration.ofHours(12), Source.BINNED_ROLLUP, "readings_hourly"),
    D1("1d", Duration.ofDays(1), Source.ROLLUP, "readings_daily"),
    D7("7d", Duration.ofDays(7), Source.BINNED_ROLLUP, "readings_daily");

    /** Where the rows of a bucket width are read from. */
    enum Source { BINNED_RAW, ROLLUP, BINNED_ROLLUP }

    private final String id;
    private final Duration width;
    private final Source source;
    private final String sql;

    Bucket(String id, Duration width, Source source, String table) {
        this.id = id;
        this.width = width;
        this.source = source;
        this.sql = switch (source) {
            case BINNED_RAW -> Queries.READINGS_BINNED_RAW;
            case ROLLUP -> String.format(Queries.READINGS_ROLLUP, table);
            default -> String.format(Queries.READINGS_BINNED_ROLLUP, table);
        };
    }

    /** The parameter value, e.g. {@code 15m}. */
    public String id() {
        return id;
    }

    public Duration width() {
        return width;
    }

    /** Whether the bucket is computed from raw readings (so the raw range limit applies). */
    public boolean fromRaw() {
        return source == Source.BINNED_RAW;
    }

    boolean binned() {
        return source != Source.ROLLUP;
    }

    String sql() {
        return sql;
    }

    /** The bucket of this id, or null. */
    public static Bucket ofId(String id) {
        for (Bucket b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        return null;
    }

    /** Every id, in order of width. */
    public static List<String> ids() {
        return List.of(values()).stream().map(Bucket::id).toList();
    }

    /**
     * The narrowest bucket that keeps {@code range} within {@code maxPoints} buckets per series, or null when
     * even the widest does not.
     */
    public static Bucket narrowestFor(Duration range, int maxPoints) {
        Map<Bucket, Long> counts = new LinkedHashMap<>();
        for (Bucket b : values()) {
            counts.put(b, (range.toMillis() + b.width.toMillis() - 1) / b.width.toMillis());
        }
        return counts.entrySet().stream().filter(e -> e.getValue() <= maxPoints).map(Map.Entry::getKey)
            .findFirst().orElse(null);
    }
}
