package org.smartcamp.analytics.job;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.store.AssetInfo;
import org.smartcamp.analytics.store.Rollup;
import org.smartcamp.analytics.store.SeriesSource;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * Stored data in memory, for analyzer tests without a database: series per (asset id, metric), and rollups
 * computed from them as the store computes them (UTC hours and days; first and last by event time).
 */
public final class MemorySeriesSource implements SeriesSource {
    private final Map<String, Map<String, Series>> data;

    public MemorySeriesSource(Map<String, Map<String, Series>> data) {
        this.data = data;
    }

    /** Every series of every asset of a simulated camp. */
    public static MemorySeriesSource of(SimulatedCamp camp, List<String> assetIds) {
        Map<String, Map<String, Series>> data = new HashMap<>();
        for (String asset : assetIds) {
            for (Metric m : Metric.values()) {
                Series s = camp.series(asset, m.wireName());
                if (!s.isEmpty()) {
                    data.computeIfAbsent(asset, a -> new TreeMap<>()).put(m.wireName(), s);
                }
            }
        }
        return new MemorySeriesSource(data);
    }

    @Override
    public List<String> metrics(AssetInfo asset, Instant from, Instant to) {
        Instant dayStart = from.truncatedTo(ChronoUnit.DAYS);
        List<String> out = new ArrayList<>();
        data.getOrDefault(asset.id(), Map.of()).forEach((metric, s) -> {
            if (!s.slice(dayStart.toEpochMilli(), to.toEpochMilli()).isEmpty()) {
                out.add(metric);
            }
        });
        out.sort(null);
        return out;
    }

    @Override
    public Series series(AssetInfo asset, String metric, Instant from, Instant to) {
        return data.getOrDefault(asset.id(), Map.of()).getOrDefault(metric, Series.empty())
            .slice(from.toEpochMilli(), to.toEpochMilli());
    }

    @Override
    public List<Rollup> rollups(AssetInfo asset, String metric, boolean daily, Instant from, Instant to) {
        Series s = series(asset, metric, from, to);
        long width = (daily ? Duration.ofDays(1) : Duration.ofHours(1)).toMillis();
        List<Rollup> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            long bucket = Math.floorDiv(s.time(i), width) * width;
            int j = i;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            while (j < s.size() && s.time(j) < bucket + width) {
                sum += s.value(j);
                min = Math.min(min, s.value(j));
                max = Math.max(max, s.value(j));
                j++;
            }
            out.add(new Rollup(Instant.ofEpochMilli(bucket), j - i, sum / (j - i), min, max, s.value(i),
                s.value(j - 1)));
            i = j;
        }
        return out;
    }

    @Override
    public List<Instant> activity(List<AssetInfo> assets, Instant from, Instant to) {
        long bin = Duration.ofMinutes(5).toMillis();
        TreeSet<Long> bins = new TreeSet<>();
        for (AssetInfo a : assets) {
            for (Series s : data.getOrDefault(a.id(), Map.of()).values()) {
                Series part = s.slice(from.toEpochMilli(), to.toEpochMilli());
                for (int i = 0; i < part.size(); i++) {
                    bins.add(Math.floorDiv(part.time(i), bin) * bin);
                }
            }
        }
        return bins.stream().map(Instant::ofEpochMilli).toList();
    }
}
