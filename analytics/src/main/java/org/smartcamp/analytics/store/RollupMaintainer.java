package org.smartcamp.analytics.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/**
 * Keeps {@code readings_hourly} and {@code readings_daily} equal to a GROUP BY over readings for the buckets that
 * new readings touched, on either engine. On plain PostgreSQL it recomputes each touched hour from readings and
 * each day holding one from its hours ({@code INSERT .. ON CONFLICT DO UPDATE}, one transaction per slice of
 * buckets). On TimescaleDB the rollups are continuous aggregates: it refreshes the touched time ranges, hourly
 * first, then daily (a refresh must run outside a transaction). Idempotent: doing it twice changes nothing.
 */
public final class RollupMaintainer {
    /** Buckets per statement on plain PostgreSQL: bounds the arrays sent and the transaction's size. */
    static final int SLICE = 5_000;
    /** Touched hours closer than this are refreshed as one range on TimescaleDB. */
    static final Duration MERGE_GAP = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final DataSource dataSource;
    private volatile Boolean continuous;

    public RollupMaintainer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A refresh range {@code [from, to)} on bucket boundaries. */
    record Range(Instant from, Instant to) {
    }

    /**
     * Brings the buckets of {@code arrivals} up to date.
     *
     * @return the hourly buckets brought up to date
     * @throws StoreException when the database refuses (what was done stays done; doing it again is harmless)
     */
    public int update(Arrivals arrivals) {
        if (arrivals.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            if (continuousAggregates(c)) {
                refresh(c, arrivals);
            } else {
                recompute(c, arrivals.buckets());
            }
            return arrivals.buckets().size();
        } catch (SQLException e) {
            throw new StoreException("cannot update the rollups: " + e.getMessage(), e);
        }
    }

    /** Whether the rollups are TimescaleDB continuous aggregates (else tables this class keeps). */
    public boolean usesContinuousAggregates() {
        try (Connection c = dataSource.getConnection()) {
            return continuousAggregates(c);
        } catch (SQLException e) {
            throw new StoreException("cannot inspect the rollups: " + e.getMessage(), e);
        }
    }

    private boolean continuousAggregates(Connection c) throws SQLException {
        if (continuous == null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.ROLLUP_KIND)) {
                if (!rs.next()) {
                    throw new StoreException("no readings_hourly in the current schema; run smartcamp migrate");
                }
                continuous = "v".equals(rs.getString(1));
            }
        }
        return continuous;
    }

    private static void recompute(Connection c, List<Arrivals.Bucket> buckets) throws SQLException {
        for (int from = 0; from < buckets.size(); from += SLICE) {
            List<Arrivals.Bucket> slice = buckets.subList(from, Math.min(buckets.size(), from + SLICE));
            Transactions.run(c, tx -> {
                upsert(tx, Sql.UPSERT_HOURLY, slice, false);
                upsert(tx, Sql.UPSERT_DAILY, slice, true);
            });
        }
    }

    /** Runs an upsert over the buckets, or over the distinct days holding them when {@code days}. */
    private static void upsert(Connection c, String sql, List<Arrivals.Bucket> buckets, boolean days)
            throws SQLException {
        Set<Arrivals.Bucket> keys = new LinkedHashSet<>();
        for (Arrivals.Bucket b : buckets) {
            keys.add(days ? new Arrivals.Bucket(b.assetRef(), b.metricId(), b.hour().truncatedTo(ChronoUnit.DAYS))
                : b);
        }
        Object[] assets = new Object[keys.size()];
        Object[] metrics = new Object[keys.size()];
        Object[] starts = new Object[keys.size()];
        int i = 0;
        for (Arrivals.Bucket k : keys) {
            assets[i] = k.assetRef();
            metrics[i] = k.metricId();
            starts[i] = Timestamp.from(k.hour());
            i++;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, array(c, "integer", assets));
            s.setArray(2, array(c, "integer", metrics));
            s.setArray(3, array(c, "timestamptz", starts));
            s.executeUpdate();
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    private static void refresh(Connection c, Arrivals arrivals) throws SQLException {
        for (Range r : ranges(arrivals, HOUR)) {
            call(c, Sql.REFRESH_HOURLY, r);
        }
        for (Range r : ranges(arrivals, DAY)) {
            call(c, Sql.REFRESH_DAILY, r);
        }
    }

    private static void call(Connection c, String sql, Range r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(r.from()));
            s.setTimestamp(2, Timestamp.from(r.to()));
            s.execute();
        }
    }

    /**
     * The touched buckets of width {@code width} (an hour or a UTC day) as few ranges: buckets closer than
     * {@link #MERGE_GAP} go in one range (refreshing a range only recomputes what changed in it).
     */
    static List<Range> ranges(Arrivals arrivals, Duration width) {
        TreeSet<Instant> starts = new TreeSet<>();
        for (Arrivals.Bucket b : arrivals.buckets()) {
            starts.add(width.equals(DAY) ? b.hour().truncatedTo(ChronoUnit.DAYS) : b.hour());
        }
        List<Range> out = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (Instant s : starts) {
            if (to != null && s.isAfter(to.plus(MERGE_GAP))) {
                out.add(new Range(from, to));
                from = null;
            }
            if (from == null) {
                from = s;
            }
            to = s.plus(width);
        }
        if (from != null) {
            out.add(new Range(from, to));
        }
        return out;
    }
}
