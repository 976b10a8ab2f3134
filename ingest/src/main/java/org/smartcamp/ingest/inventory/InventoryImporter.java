package org.smartcamp.ingest.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/**
 * Registers an inventory: missions, camps and assets are inserted or updated (by id) in one transaction and
 * flagged registered, including assets the ingest auto-registered from telemetry before. Nothing is deleted:
 * an asset missing from the file keeps its readings and its row. An asset that telemetry registered settles its
 * readings with the camp the inventory gives it ({@link AssetClaims}).
 */
public final class InventoryImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPSERT_MISSION = "INSERT INTO missions (id, name, registered) VALUES (?, ?, true)"
        + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, registered = true, updated_at = now()"
        + " RETURNING (xmax = 0)";
    private static final String UPSERT_CAMP = "INSERT INTO camps (id, mission_id, name, latitude, longitude,"
        + " population, timezone, attributes, auto_register, registered) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?,"
        + " true) ON CONFLICT (id) DO UPDATE SET mission_id = excluded.mission_id, name = excluded.name,"
        + " latitude = excluded.latitude, longitude = excluded.longitude, population = excluded.population,"
        + " timezone = excluded.timezone, attributes = excluded.attributes, auto_register = excluded.auto_register,"
        + " registered = true, updated_at = now() RETURNING (xmax = 0)";
    private static final String UPSERT_ASSET = "INSERT INTO assets (id, camp_id, kind, name, rated_kw, rated_kva,"
        + " fuel_f0, fuel_f1, capacity_l, unusable_l, strapping, rated_kwp, capacity_kwh, fuel_capacity_l,"
        + " service_interval_h, supply_tank_id, attributes, registered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, true) ON CONFLICT (id) DO UPDATE SET camp_id = excluded.camp_id,"
        + " kind = excluded.kind,"
        + " name = excluded.name, rated_kw = excluded.rated_kw, rated_kva = excluded.rated_kva,"
        + " fuel_f0 = excluded.fuel_f0, fuel_f1 = excluded.fuel_f1, capacity_l = excluded.capacity_l,"
        + " unusable_l = excluded.unusable_l, strapping = excluded.strapping, rated_kwp = excluded.rated_kwp,"
        + " capacity_kwh = excluded.capacity_kwh, fuel_capacity_l = excluded.fuel_capacity_l,"
        + " service_interval_h = excluded.service_interval_h, supply_tank_id = excluded.supply_tank_id,"
        + " attributes = excluded.attributes, status = 'active',"
        + " registered = true, updated_at = now() RETURNING (xmax = 0)";

    private static final String PROVISIONAL = "SELECT a.id, a.camp_id, (SELECT count(*) FROM quarantined_readings q"
        + " WHERE q.asset_ref = a.ref) FROM assets a WHERE a.status = 'provisional' ORDER BY a.camp_id, a.id";

    private static final String UPSERT_SPARKPLUG_NAME = "INSERT INTO sparkplug_names (kind, sparkplug_name,"
        + " smartcamp_id) VALUES (?, ?, ?) ON CONFLICT (kind, sparkplug_name) DO UPDATE SET smartcamp_id ="
        + " excluded.smartcamp_id";
    private final DataSource dataSource;

    public InventoryImporter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What an import did: rows inserted and updated per table, and readings it quarantined (sent by another camp
     * than the one the inventory gives their asset).
     */
    public record ImportReport(int missionsAdded, int missionsUpdated, int campsAdded, int campsUpdated,
                               int assetsAdded, int assetsUpdated, int readingsQuarantined) {
        @Override
        public String toString() {
            return "missions " + missionsAdded + " added, " + missionsUpdated + " updated; camps " + campsAdded
                + " added, " + campsUpdated + " updated; assets " + assetsAdded + " added, " + assetsUpdated
                + " updated" + (readingsQuarantined == 0 ? ""
                    : "; " + readingsQuarantined + " readings sent by another camp quarantined");
        }
    }

    /** An asset first seen in telemetry of a camp that does not auto-register, which no inventory names yet. */
    public record ProvisionalAsset(String id, String firstSeenIn, long readingsQuarantined) {
    }

    /**
     * The provisional assets, for an operator to name in an inventory (or to trace to a misconfigured gateway).
     *
     * @throws StoreException when the database refuses
     */
    public List<ProvisionalAsset> provisionalAssets() {
        List<ProvisionalAsset> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PROVISIONAL);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new ProvisionalAsset(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the provisional assets: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Imports {@code inventory} in one transaction.
     *
     * @throws StoreException when the database refuses (nothing of the file is then imported)
     */
    public ImportReport importInventory(Inventory inventory) {
        int[] counts = new int[7];
        try (Connection c = dataSource.getConnection()) {
            Transactions.run(c, tx -> {
                for (Inventory.Mission m : inventory.missions()) {
                    count(counts, 0, upsert(tx, UPSERT_MISSION, m.id(), m.name()));
                    for (Inventory.Camp camp : m.camps()) {
                        count(counts, 2, upsert(tx, UPSERT_CAMP, camp.id(), m.id(), camp.name(), camp.latitude(),
                            camp.longitude(), camp.population(), camp.timezone(),
                            json(withAnalytics(Map.of(), camp.analytics())), camp.autoRegister()));
                        for (Inventory.Asset a : camp.assets()) {
                            AssetClaims.Claim before = AssetClaims.before(tx, a.id());
                            count(counts, 4, upsert(tx, UPSERT_ASSET, assetRow(camp, a)));
                            counts[6] += AssetClaims.settle(tx, before, camp.id());
                        }
                    }
                }
                writeSparkplugNames(tx, inventory.sparkplug());
            });
        } catch (SQLException e) {
            throw new StoreException("cannot import the inventory: " + e.getMessage(), e);
        }
        return new ImportReport(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    }

    /** The Sparkplug B names, inserted or replaced by kind and name (never deleted, like everything imported). */
    private static void writeSparkplugNames(Connection tx, SparkplugNames names) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(UPSERT_SPARKPLUG_NAME)) {
            for (Map.Entry<String, Map<String, String>> kind : Map.of("camp", names.camps(), "device",
                    names.devices(), "metric", names.metrics()).entrySet()) {
                for (Map.Entry<String, String> e : kind.getValue().entrySet()) {
                    s.setString(1, kind.getKey());
                    s.setString(2, e.getKey());
                    s.setString(3, e.getValue());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static Object[] assetRow(Inventory.Camp camp, Inventory.Asset a) {
        Inventory.FuelCurve curve = a.fuelCurve();
        return new Object[] {a.id(), camp.id(), a.kind().code(), a.name(), a.ratedKw(), a.ratedKva(),
            curve == null ? null : curve.f0(), curve == null ? null : curve.f1(), a.capacityL(), a.unusableL(),
            a.strapping() == null ? null : json(strappingRows(a)), a.ratedKwp(), a.capacityKwh(),
            a.fuelCapacityL(), a.serviceIntervalH(), a.supplyTankId(),
            json(withAnalytics(a.attributes(), a.analytics()))};
    }

    /** The attributes as stored: the free ones, and the settings overrides under {@code analytics}. */
    private static Map<String, Object> withAnalytics(Map<String, Object> attributes, Map<String, String> analytics) {
        if (analytics.isEmpty()) {
            return attributes;
        }
        Map<String, Object> stored = new TreeMap<>(attributes);
        stored.put(AnalyticsOverrides.FIELD, new TreeMap<>(analytics));
        return stored;
    }

    private static List<double[]> strappingRows(Inventory.Asset a) {
        List<double[]> rows = new ArrayList<>();
        for (Inventory.StrappingPoint p : a.strapping()) {
            rows.add(new double[] {p.levelMm(), p.litres()});
        }
        return rows;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inventory values are plain JSON", e);
        }
    }

    private static void count(int[] counts, int at, boolean inserted) {
        counts[inserted ? at : at + 1]++;
    }

    private static boolean upsert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    s.setNull(i + 1, Types.NULL);
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
