package org.smartcamp.ingest.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Settles, inside an inventory import, the readings of an asset that telemetry registered before any inventory
 * named it (issue 13, D13: no squatting). Asset ids are unique within their camp (issue 15, migration V11), and the
 * topic's camp resolves the asset a payload names, so a gateway naming another camp's asset id registers an asset of
 * its own camp: it can no longer squat another camp's asset. What is left to settle is a provisional asset (first
 * seen in a camp that does not auto-register): its readings were quarantined with the camp that sent each; those of
 * the asset's camp are released into {@code readings} (with the import's time as {@code received_at}, so the
 * analytics see them arrive), and any others (sent by another camp before V11 made ids camp-scoped) stay with the
 * reason updated.
 */
final class AssetClaims {
    private static final String BEFORE = "SELECT ref, camp_id, registered, status = 'provisional' FROM assets"
        + " WHERE camp_id = ? AND id = ? FOR UPDATE";
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

    /** The camp's asset row, locked for the import's transaction; {@code null} when it does not exist yet. */
    static Claim before(Connection tx, String campId, String assetId) throws SQLException {
        try (PreparedStatement s = tx.prepareStatement(BEFORE)) {
            s.setString(1, campId);
            s.setString(2, assetId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Claim(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4))
                    : null;
            }
        }
    }

    /**
     * Settles the readings of {@code before}'s asset now that the inventory registers it.
     *
     * @return readings moved into quarantine (none since asset ids are camp-scoped; kept for the import report)
     */
    static int settle(Connection tx, Claim before) throws SQLException {
        if (before == null || before.registered() || !before.provisional()) {
            return 0;
        }
        execute(tx, RELEASE, before.ref(), before.campId());
        execute(tx, KEEP_OTHERS, "asset_of_other_camp: the inventory gives the asset to camp '" + before.campId()
            + "'", before.ref());
        return 0;
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
