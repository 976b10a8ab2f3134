package org.smartcamp.ingest.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles, inside an inventory import, the readings of an asset that telemetry registered before any inventory
 * named it (issue 13, D13: no squatting). A gateway can name another camp's asset first:
 * <ul>
 *   <li>registered to the first camp that sent it (auto-registration on): when the inventory gives the asset to
 *       another camp, every reading stored for it came from the wrong camp, so they move to
 *       {@code quarantined_readings} with the sending camp and the reason, out of the owner's data (and its hourly
 *       and daily rollup rows go, where they are tables);</li>
 *   <li>provisional (auto-registration off): its readings were quarantined with the camp that sent each; those of
 *       the camp the inventory gives it are released into {@code readings} (with the import's time as
 *       {@code received_at}, so the analytics see them arrive), the others stay with the reason updated.</li>
 * </ul>
 * An asset an inventory registered before keeps its readings when a later inventory moves it: that is a real move.
 */
final class AssetClaims {
    private static final String BEFORE = "SELECT ref, camp_id, registered, status = 'provisional' FROM assets"
        + " WHERE id = ? FOR UPDATE";
    private static final String QUARANTINE_MOVED = "WITH moved AS (DELETE FROM readings WHERE asset_ref = ?"
        + " RETURNING asset_ref, metric_id, ts, value, quality, received_at) INSERT INTO quarantined_readings"
        + " (asset_ref, metric_id, ts, value, quality, received_at, camp_id, reason)"
        + " SELECT asset_ref, metric_id, ts, value, quality, received_at, ?, ? FROM moved ON CONFLICT DO NOTHING";
    private static final String ROLLUP_TABLES = "SELECT relname FROM pg_class WHERE relkind = 'r'"
        + " AND relnamespace = current_schema()::regnamespace AND relname IN ('readings_hourly', 'readings_daily')";
    private static final String RELEASE = "WITH released AS (DELETE FROM quarantined_readings WHERE asset_ref = ?"
        + " AND camp_id = ? RETURNING asset_ref, metric_id, ts, value, quality) INSERT INTO readings"
        + " (asset_ref, metric_id, ts, value, quality, received_at)"
        + " SELECT asset_ref, metric_id, ts, value, quality, now() FROM released ON CONFLICT DO NOTHING";
    private static final String KEEP_OTHERS = "UPDATE quarantined_readings SET reason = ? WHERE asset_ref = ?";

    /** An asset's row before the import touched it. */
    record Claim(int ref, String campId, boolean registered, boolean provisional) {
    }

    private AssetClaims() {
    }

    /** The asset's row, locked for the import's transaction; {@code null} when it does not exist yet. */
    static Claim before(Connection tx, String assetId) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(BEFORE)) {
            s.setString(1, assetId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Claim(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4))
                    : null;
            }
        }
    }

    /**
     * Settles the readings of {@code before}'s asset now that the inventory gives it to {@code campId}.
     *
     * @return readings moved into quarantine
     */
    static int settle(Connection tx, Claim before, String campId) throws SQLException {
        if (before == null || before.registered()) {
            return 0;
        }
        if (before.provisional()) {
            execute(tx, RELEASE, before.ref(), campId);
            execute(tx, KEEP_OTHERS, "asset_of_other_camp: the inventory gives the asset to camp '" + campId + "'",
                before.ref());
            return 0;
        }
        if (before.campId().equals(campId)) {
            return 0;
        }
        int moved = execute(tx, QUARANTINE_MOVED, before.ref(), before.campId(), "asset_of_other_camp: sent by camp '"
            + before.campId() + "' before the inventory gave the asset to camp '" + campId + "'");
        for (String table : rollupTables(tx)) {
            // Every reading of the asset came from the wrong camp, so none of its rollup rows stands.
            execute(tx, "DELETE FROM " + table + " WHERE asset_ref = ?", before.ref());
        }
        return moved;
    }

    private static List<String> rollupTables(Connection tx) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = tx.prepareStatement(ROLLUP_TABLES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static int execute(Connection tx, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
