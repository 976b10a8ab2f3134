package org.smartcamp.analytics.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.Rollup;
import org.smartcamp.analytics.store.SeriesSource;

/**
 * Loads each (asset, metric) once over {@code [from, until)} and serves sub-ranges from memory, so analyzers with
 * different context margins share one query. Requests reaching outside the range go to the store. Lives for one
 * asset's (or camp's) analyzers in one pass; not thread-safe.
 */
final class CachingSeriesSource implements SeriesSource {
    private final SeriesSource store;
    private final Instant from;
    private final Instant until;
    private final Map<String, Series> series = new HashMap<>();
    private final Map<String, List<Rollup>> rollups = new HashMap<>();
    private final Map<Integer, List<String>> metrics = new HashMap<>();

    CachingSeriesSource(SeriesSource store, Instant from, Instant until) {
        this.store = store;
        this.from = from;
        this.until = until;
    }

    @Override
    public List<String> metrics(AssetInfo asset, Instant start, Instant end) {
        if (covered(start, end)) {
            return metrics.computeIfAbsent(asset.ref(), r -> store.metrics(asset, from, until));
        }
        return store.metrics(asset, start, end);
    }

    @Override
    public Series series(AssetInfo asset, String metric, Instant start, Instant end) {
        if (!covered(start, end)) {
            return store.series(asset, metric, start, end);
        }
        Series all = series.computeIfAbsent(asset.ref() + "/" + metric, k -> store.series(asset, metric, from,
            until));
        return all.slice(start.toEpochMilli(), end.toEpochMilli());
    }

    @Override
    public List<Rollup> rollups(AssetInfo asset, String metric, boolean daily, Instant start, Instant end) {
        if (!covered(start, end)) {
            return store.rollups(asset, metric, daily, start, end);
        }
        List<Rollup> all = rollups.computeIfAbsent(asset.ref() + "/" + metric + "/" + daily,
            k -> store.rollups(asset, metric, daily, from, until));
        List<Rollup> out = new ArrayList<>();
        for (Rollup r : all) {
            if (!r.bucket().isBefore(start) && r.bucket().isBefore(end)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public List<Instant> activity(List<AssetInfo> assets, Instant start, Instant end) {
        return store.activity(assets, start, end);
    }

    private boolean covered(Instant start, Instant end) {
        return !start.isBefore(from) && !end.isAfter(until);
    }
}
