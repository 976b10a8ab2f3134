package org.smartcamp.analytics.store;

import java.time.Instant;
import java.util.List;
import org.smartcamp.analytics.series.Series;

/**
 * Where analyzers get stored data: an asset's readings of a metric as a {@link Series}, its rollups, and when a
 * camp's assets reported at all. {@link SeriesReader} reads the database; tests give in-memory data.
 */
public interface SeriesSource {

    /** The names of the metrics the asset reported in the UTC days overlapping {@code [from, to)}, sorted. */
    List<String> metrics(AssetInfo asset, Instant from, Instant to);

    /** The readings of {@code metric} (wire name) of the asset with event times in {@code [from, to)}. */
    Series series(AssetInfo asset, String metric, Instant from, Instant to);

    /** The hourly ({@code daily == false}) or daily rollups of {@code metric} with buckets in {@code [from, to)}. */
    List<Rollup> rollups(AssetInfo asset, String metric, boolean daily, Instant from, Instant to);

    /**
     * The starts of the five-minute bins in {@code [from, to)} in which any of {@code assets} reported any metric,
     * in time order: when the camp's link to the store was alive.
     */
    List<Instant> activity(List<AssetInfo> assets, Instant from, Instant to);
}
