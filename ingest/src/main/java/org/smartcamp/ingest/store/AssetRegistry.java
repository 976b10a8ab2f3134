package org.smartcamp.ingest.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The registry as the ingest sees it: which mission a camp belongs to, which camp owns an asset (and its ref in
 * readings), which metric id and canonical unit a metric name has. Lookups are cached; whatever is not yet known
 * is registered on first sight, flagged unregistered, so no reading is dropped for want of an inventory entry.
 * Registration commits on its own (before the batch that needs it), so a batch that later rolls back leaves at
 * most an unregistered row behind, never a cached ref that does not exist. Thread-safe; blocking.
 */
public final class AssetRegistry {
    /** A camp and its mission. */
    public record Camp(String id, String missionId) {
    }

    /** An asset: its ref in readings and its camp. */
    public record Asset(int ref, String id, String campId) {
    }

    /** A metric: its id in readings and its canonical unit ({@code null} when none is known). */
    public record Metric(short id, String name, String unit) {
    }

    private final DataSource dataSource;
    private final Map<String, Camp> camps = new ConcurrentHashMap<>();
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    public AssetRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Forgets the cache, so changes made by an inventory import are seen. */
    public void refresh() {
        camps.clear();
        assets.clear();
        metrics.clear();
    }

    /**
     * The camps named in telemetry, registering unknown missions and camps (unregistered, named after their id).
     * A camp that exists keeps its mission, even when the topic names another one: the caller decides.
     */
    public Map<String, Camp> camps(Map<String, String> missionByCamp) {
        return resolve(missionByCamp.keySet(), camps, missing -> {
            try (Connection c = dataSource.getConnection()) {
                for (String camp : missing) {
                    String mission = missionByCamp.get(camp);
                    update(c, Sql.REGISTER_MISSION, mission, mission);
                    update(c, Sql.REGISTER_CAMP, camp, mission, camp);
                }
                return load(c, Sql.CAMPS_BY_ID, missing, rs -> new Camp(rs.getString(1), rs.getString(2)), Camp::id);
            }
        });
    }

    /** The assets named in telemetry; an unknown one is registered in the camp given for it, unregistered. */
    public Map<String, Asset> assets(Map<String, String> campByAsset, Instant seen) {
        return resolve(campByAsset.keySet(), assets, missing -> {
            try (Connection c = dataSource.getConnection()) {
                for (String asset : missing) {
                    update(c, Sql.REGISTER_ASSET, asset, campByAsset.get(asset), Timestamp.from(seen));
                }
                return load(c, Sql.ASSETS_BY_ID, missing,
                    rs -> new Asset(rs.getInt(1), rs.getString(2), rs.getString(3)), Asset::id);
            }
        });
    }

    /** The metrics named in telemetry; an unknown one is registered, unregistered, with the unit first sent. */
    public Map<String, Metric> metrics(Map<String, String> unitByMetric) {
        return resolve(unitByMetric.keySet(), metrics, missing -> {
            try (Connection c = dataSource.getConnection()) {
                for (String metric : missing) {
                    update(c, Sql.REGISTER_METRIC, metric, unitByMetric.get(metric));
                }
                return load(c, Sql.METRICS_BY_NAME, missing,
                    rs -> new Metric(rs.getShort(1), rs.getString(2), rs.getString(3)), Metric::name);
            }
        });
    }

    private interface Loader<T> {
        Map<String, T> load(Set<String> missing) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Map<String, T> resolve(Collection<String> keys, Map<String, T> cache, Loader<T> loader) {
        Map<String, T> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String key : keys) {
            T cached = cache.get(key);
            if (cached == null) {
                missing.add(key);
            } else {
                found.put(key, cached);
            }
        }
        if (!missing.isEmpty()) {
            try {
                Map<String, T> loaded = loader.load(missing);
                cache.putAll(loaded);
                found.putAll(loaded);
            } catch (SQLException e) {
                throw new StoreException("cannot resolve the registry: " + DataSources.rootMessage(e), e);
            }
        }
        return found;
    }

    private static <T> Map<String, T> load(Connection c, String sql, Set<String> keys, RowMapper<T> mapper,
                                           Function<T, String> key) throws SQLException {
        Map<String, T> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", keys.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    T row = mapper.map(rs);
                    result.put(key.apply(row), row);
                }
            }
        }
        return result;
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
