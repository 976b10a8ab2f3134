package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The registry as the ingest sees it: which mission a camp belongs to, which asset a camp's id names (and its ref
 * in readings; asset ids are unique within their camp, see {@link AssetKey}), which metric id and canonical unit a
 * metric name has, and whether the catalogue knows it. Lookups are cached; whatever is not yet known
 * is registered on first sight, flagged unregistered, so no reading is dropped for want of an inventory entry.
 * Registration commits on its own (before the batch that needs it), so a batch that later rolls back leaves at
 * most an unregistered row behind, never a cached ref that does not exist. Thread-safe; blocking.
 */
public final class AssetRegistry {
    /**
     * A camp and its mission; {@code strictMetrics} when readings of metrics the catalogue does not know are
     * dead-lettered instead of stored.
     */
    public record Camp(String id, String missionId, boolean strictMetrics) {
    }

    /**
     * An asset: its ref in readings and its camp; {@code provisional} when it was first seen in telemetry of a camp
     * that does not auto-register and no inventory names it yet (its readings are quarantined).
     */
    public record Asset(int ref, String id, String campId, boolean provisional) {
    }

    /** A reading held in quarantine: as staged, with the camp whose topic sent it and why it is held. */
    public record Held(ResolvedBatch.Staged reading, String campId, String reason) {
    }

    /**
     * A metric: its id in readings and its canonical unit ({@code null} when none is known); {@code registered}
     * when the catalogue (or an operator) knows it, {@code false} for a name first seen in telemetry.
     */
    public record Metric(int id, String name, String unit, boolean registered) {
    }

    private final DataSource dataSource;
    private final RegistrationPolicy policy;
    private final Map<String, Camp> camps = new ConcurrentHashMap<>();
    private final Map<AssetKey, Asset> assets = new ConcurrentHashMap<>();
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    /** A registry with the {@link RegistrationPolicy#DEFAULT default policy}. */
    public AssetRegistry(DataSource dataSource) {
        this(dataSource, RegistrationPolicy.DEFAULT);
    }

    public AssetRegistry(DataSource dataSource, RegistrationPolicy policy) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.policy = Objects.requireNonNull(policy);
    }

    /** What telemetry may register on its own. */
    public RegistrationPolicy policy() {
        return policy;
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
        return resolve(missionByCamp.keySet(), camps, (c, missing) -> load(c, Sql.CAMPS_BY_ID,
            new Object[] {array(c, missing)}, rs -> new Camp(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
            Camp::id), (c, unknown) -> {
                for (String camp : unknown) {
                    String mission = missionByCamp.get(camp);
                    update(c, Sql.REGISTER_MISSION, mission, mission);
                    update(c, Sql.REGISTER_CAMP, camp, mission, camp);
                }
            });
    }

    /** The assets named in telemetry (camp and id); an unknown one is registered in its camp, unregistered. */
    public Map<AssetKey, Asset> assets(Collection<AssetKey> keys, Instant seen) {
        return resolve(keys, assets, AssetRegistry::loadAssets, (c, unknown) -> update(c, Sql.REGISTER_ASSETS,
            Timestamp.from(seen), policy.autoRegisterAssets(), assetIds(c, unknown), campIds(c, unknown)));
    }

    /** The metrics named in telemetry; an unknown one is registered, unregistered, with the unit first sent. */
    public Map<String, Metric> metrics(Map<String, String> unitByMetric) {
        return resolve(unitByMetric.keySet(), metrics, AssetRegistry::loadMetrics, (c, unknown) -> {
            String[] unit = unknown.stream().map(unitByMetric::get).toArray(String[]::new);
            update(c, Sql.REGISTER_METRICS, array(c, unknown), c.createArrayOf("text", unit));
        });
    }

    /**
     * Holds readings out of the camps' data (table {@code quarantined_readings}), committed on their own like a
     * registration; a reading held before (a redelivered message, a retried batch) is held once.
     *
     * @throws StoreException when the database refuses
     */
    public void quarantine(List<Held> held) {
        if (held.isEmpty()) {
            return;
        }
        int n = held.size();
        Object[][] columns = new Object[8][n];
        for (int i = 0; i < n; i++) {
            ResolvedBatch.Staged r = held.get(i).reading();
            Object[] row = {r.assetRef(), r.metricId(), Timestamp.from(r.ts()), r.value(), r.quality(),
                Timestamp.from(r.receivedAt()), held.get(i).campId(), held.get(i).reason()};
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
        }
        String[] types = {"int4", "int4", "timestamptz", "float8", "int2", "timestamptz", "text", "text"};
        try (Connection c = dataSource.getConnection()) {
            Object[] arrays = new Object[types.length];
            for (int col = 0; col < types.length; col++) {
                arrays[col] = c.createArrayOf(types[col], columns[col]);
            }
            update(c, Sql.QUARANTINE, arrays);
        } catch (SQLException e) {
            throw new StoreException("cannot quarantine readings: " + DataSources.rootMessage(e), e);
        }
    }

    /** Of {@code names}, the metrics the registry holds (known or not to the catalogue); none is registered. */
    public Map<String, Metric> storedMetrics(Collection<String> names) {
        Map<String, Metric> found = new HashMap<>();
        Set<String> missing = missing(names, metrics, found);
        if (!missing.isEmpty()) {
            try (Connection c = dataSource.getConnection()) {
                Map<String, Metric> loaded = loadMetrics(c, missing);
                metrics.putAll(loaded);
                found.putAll(loaded);
            } catch (SQLException e) {
                throw new StoreException("cannot read the registry: " + DataSources.rootMessage(e), e);
            }
        }
        return found;
    }

    /** Of {@code names}, those the registry does not hold yet (what {@link #metrics} would register). */
    public Set<String> unknownMetrics(Collection<String> names) {
        return unknown(names, metrics, AssetRegistry::loadMetrics);
    }

    /** Of {@code keys}, the assets the registry does not hold yet (what {@link #assets} would register). */
    public Set<AssetKey> unknownAssets(Collection<AssetKey> keys) {
        return unknown(keys, assets, AssetRegistry::loadAssets);
    }

    private static Map<AssetKey, Asset> loadAssets(Connection c, Set<AssetKey> keys) throws SQLException {
        return load(c, Sql.ASSETS_BY_KEY, new Object[] {assetIds(c, keys), campIds(c, keys)},
            rs -> new Asset(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
            a -> new AssetKey(a.campId(), a.id()));
    }

    private static Map<String, Metric> loadMetrics(Connection c, Set<String> names) throws SQLException {
        return load(c, Sql.METRICS_BY_NAME, new Object[] {array(c, names)}, rs -> new Metric(rs.getInt(1),
            rs.getString(2), rs.getString(3), rs.getBoolean(4)), Metric::name);
    }

    private static Array assetIds(Connection c, Set<AssetKey> keys) throws SQLException {
        return c.createArrayOf("text", keys.stream().map(AssetKey::assetId).toArray());
    }

    private static Array campIds(Connection c, Set<AssetKey> keys) throws SQLException {
        return c.createArrayOf("text", keys.stream().map(AssetKey::campId).toArray());
    }

    private interface Loader<K, T> {
        Map<K, T> load(Connection c, Set<K> keys) throws SQLException;
    }

    private interface Registrar<K> {
        void register(Connection c, Set<K> unknown) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * The cached entries, then the stored ones, then the rest registered. Looking up before registering keeps
     * the identity sequences still for names that exist (an INSERT .. ON CONFLICT DO NOTHING would draw a value
     * for each of them at every cache refresh); the registering INSERTs skip existing rows themselves too, so
     * only a race between two ingest replicas can cost a value.
     */
    private <K, T> Map<K, T> resolve(Collection<K> keys, Map<K, T> cache, Loader<K, T> loader,
                                     Registrar<K> registrar) {
        Map<K, T> found = new HashMap<>();
        Set<K> missing = missing(keys, cache, found);
        if (!missing.isEmpty()) {
            try (Connection c = dataSource.getConnection()) {
                Map<K, T> loaded = loader.load(c, missing);
                Set<K> unknown = new LinkedHashSet<>(missing);
                unknown.removeAll(loaded.keySet());
                if (!unknown.isEmpty()) {
                    registrar.register(c, unknown);
                    loaded.putAll(loader.load(c, unknown));
                }
                cache.putAll(loaded);
                found.putAll(loaded);
            } catch (SQLException e) {
                throw new StoreException("cannot resolve the registry: " + DataSources.rootMessage(e), e);
            }
        }
        return found;
    }

    private <K, T> Set<K> unknown(Collection<K> keys, Map<K, T> cache, Loader<K, T> loader) {
        Set<K> missing = missing(keys, cache, new HashMap<>());
        if (missing.isEmpty()) {
            return missing;
        }
        try (Connection c = dataSource.getConnection()) {
            Map<K, T> loaded = loader.load(c, missing);
            cache.putAll(loaded);
            missing.removeAll(loaded.keySet());
            return missing;
        } catch (SQLException e) {
            throw new StoreException("cannot read the registry: " + DataSources.rootMessage(e), e);
        }
    }

    private static <K, T> Set<K> missing(Collection<K> keys, Map<K, T> cache, Map<K, T> found) {
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            T cached = cache.get(key);
            if (cached == null) {
                missing.add(key);
            } else {
                found.put(key, cached);
            }
        }
        return missing;
    }

    private static Array array(Connection c, Set<String> keys) throws SQLException {
        return c.createArrayOf("text", keys.toArray());
    }

    private static <K, T> Map<K, T> load(Connection c, String sql, Object[] params, RowMapper<T> mapper,
                                         Function<T, K> key) throws SQLException {
        Map<K, T> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
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
