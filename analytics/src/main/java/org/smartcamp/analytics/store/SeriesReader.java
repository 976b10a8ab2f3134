package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.store.StoreException;

/**
 * Loads stored data for the analyzers, one query per call, ordered by event time and streamed (large ranges are
 * not held twice). Readings are stored at microsecond precision and a {@link Series} holds milliseconds: of
 * several readings within the same millisecond the first is kept.
 */
public final class SeriesReader implements SeriesSource {
    private static final int FETCH = 10_000;
    private final DataSource dataSource;

    public SeriesReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws StoreException when the database refuses */
    @Override
    public List<String> metrics(AssetInfo asset, Instant from, Instant to) {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.METRICS_OF)) {
            s.setInt(1, asset.ref());
            s.setTimestamp(2, Timestamp.from(from.truncatedTo(ChronoUnit.DAYS)));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list the metrics of " + asset.id() + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** @throws StoreException when the database refuses */
    @Override
    public Series series(AssetInfo asset, String metric, Instant from, Instant to) {
        return series(asset, List.of(metric), from, to).getOrDefault(metric, Series.empty());
    }

    /**
     * Several metrics of one asset in one query.
     *
     * @return one series per metric that has readings in {@code [from, to)}
     * @throws StoreException when the database refuses
     */
    public Map<String, Series> series(AssetInfo asset, Collection<String> metrics, Instant from, Instant to) {
        Map<String, Series.Builder> builders = new HashMap<>();
        Map<String, Long> lastTimes = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(Sql.SERIES_BULK)) {
                s.setFetchSize(FETCH);
                s.setInt(1, asset.ref());
                s.setArray(2, c.createArrayOf("text", metrics.toArray()));
                s.setTimestamp(3, Timestamp.from(from));
                s.setTimestamp(4, Timestamp.from(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String metric = rs.getString(1);
                        long t = rs.getTimestamp(2).getTime();
                        Long last = lastTimes.put(metric, t);
                        if (last == null || t > last) {
                            builders.computeIfAbsent(metric, m -> Series.builder()).add(t, rs.getDouble(3));
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + metrics + " of " + asset.id() + ": " + e.getMessage(), e);
        }
        Map<String, Series> out = new HashMap<>();
        builders.forEach((m, b) -> out.put(m, b.build()));
        return out;
    }

    /** @throws StoreException when the database refuses */
    @Override
    public List<Rollup> rollups(AssetInfo asset, String metric, boolean daily, Instant from, Instant to) {
        List<Rollup> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(daily ? Sql.DAILY : Sql.HOURLY)) {
            s.setInt(1, asset.ref());
            s.setString(2, metric);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rollup(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the rollups of " + metric + " of " + asset.id() + ": "
                + e.getMessage(), e);
        }
        return out;
    }

    /** @throws StoreException when the database refuses */
    @Override
    public List<Instant> activity(List<AssetInfo> assets, Instant from, Instant to) {
        List<Instant> bins = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.ACTIVITY)) {
            s.setArray(1, c.createArrayOf("integer", assets.stream().map(AssetInfo::ref).toArray()));
            s.setTimestamp(2, Timestamp.from(from.minus(Duration.ofHours(1))));
            s.setTimestamp(3, Timestamp.from(to));
            s.setTimestamp(4, Timestamp.from(from));
            s.setTimestamp(5, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    bins.add(rs.getTimestamp(1).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read when the camp reported: " + e.getMessage(), e);
        }
        return bins;
    }
}
