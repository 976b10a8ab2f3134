package org.smartcamp.api.store;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the registry: the snapshot for scope checks, and the pages of missions, camps, assets and metrics. */
public final class RegistryStore {
    private RegistryStore() {
    }

    /** A snapshot of the whole registry. */
    public static Registry load(Connection c) throws SQLException {
        Map<String, String> missions = new HashMap<>();
        List<Registry.Camp> camps = new ArrayList<>();
        List<Registry.Asset> assets = new ArrayList<>();
        List<Registry.Metric> metrics = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Queries.MISSIONS_ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                missions.put(rs.getString(1), rs.getString(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Queries.CAMPS_ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                camps.add(new Registry.Camp(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Queries.ASSETS_ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assets.add(new Registry.Asset(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Queries.METRICS_ALL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                metrics.add(new Registry.Metric(rs.getInt(1), rs.getString(2), rs.getString(3),
                    rs.getBoolean(4)));
            }
        }
        return new Registry(missions, camps, assets, metrics);
    }

    /** Missions among {@code missionIds} after {@code after}, each with the number of its camps in scope. */
    public static Page missions(Connection c, List<String> missionIds, List<String> campIds, String after,
                                int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.MISSIONS)) {
            ps.setArray(1, c.createArrayOf("text", campIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", missionIds.toArray()));
            ps.setString(3, after);
            ps.setInt(4, limit + 1);
            return byId(ps, limit);
        }
    }

    /** Camps among {@code campIds} after {@code after}. */
    public static Page camps(Connection c, List<String> campIds, String after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.CAMPS)) {
            ps.setArray(1, c.createArrayOf("text", campIds.toArray()));
            ps.setString(2, after);
            ps.setInt(3, limit + 1);
            return byId(ps, limit);
        }
    }

    /** Assets of {@code campIds} of these kinds after {@code after}. */
    /** A page of assets after the cursor {@code after} (asset id, camp id; empty strings for the first page). */
    public static Page assets(Connection c, List<String> campIds, List<String> kinds, List<String> after, int limit)
        throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.ASSETS)) {
            ps.setArray(1, c.createArrayOf("text", campIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", kinds.toArray()));
            ps.setString(3, after.get(0));
            ps.setString(4, after.get(1));
            ps.setInt(5, limit + 1);
            Page.Builder page = new Page.Builder(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject row = withoutNulls(Rows.object(rs));
                    page.add(row, List.of(row.getString("id"), row.getString("campId")));
                }
            }
            return page.build();
        }
    }

    /** Camp {@code campId}'s asset {@code id} with every registered property, or null. */
    public static JsonObject asset(Connection c, String campId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.ASSET)) {
            ps.setString(1, campId);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? withoutNulls(Rows.object(rs)) : null;
            }
        }
    }

    /** The metric catalogue. */
    public static List<JsonObject> metrics(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.METRICS); ResultSet rs = ps.executeQuery()) {
            return Rows.objects(rs);
        }
    }

    private static Page byId(PreparedStatement ps, int limit) throws SQLException {
        Page.Builder page = new Page.Builder(limit);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonObject row = withoutNulls(Rows.object(rs));
                page.add(row, List.of(row.getString("id")));
            }
        }
        return page.build();
    }

    /** Kind-specific columns that do not apply stay out of the JSON. */
    private static JsonObject withoutNulls(JsonObject row) {
        row.fieldNames().removeIf(k -> row.getValue(k) == null && !"latitude".equals(k) && !"longitude".equals(k));
        return row;
    }
}
