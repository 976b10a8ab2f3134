package org.smartcamp.api.store;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.smartcamp.api.http.Cursor;

/**
 * Reads readings as rows of the long format ({@code timestamp, camp, asset, metric, value, unit, quality}):
 * raw, or per bucket with {@code samples, min, max, first, last} (value is then the bucket's mean).
 */
public final class ReadingsStore {
    private static final String[] QUALITY = {"good", "uncertain", "bad"};

    private ReadingsStore() {
    }

    /**
     * One page of readings in (asset, metric, time) order.
     *
     * @throws org.smartcamp.api.http.ApiException 400 when the cursor does not fit
     */
    public static Page read(Connection c, Registry registry, ReadingsQuery q) throws SQLException {
        Bucket bucket = q.bucket();
        try (PreparedStatement ps = c.prepareStatement(bucket == null ? Queries.READINGS_RAW : bucket.sql())) {
            int i = 1;
            if (bucket != null && bucket.binned()) {
                ps.setString(i++, bucket.width().toSeconds() + " seconds");
            }
            ps.setArray(i++, c.createArrayOf("integer", q.assetRefs().toArray()));
            ps.setArray(i++, c.createArrayOf("integer", q.metricIds().toArray()));
            ps.setTimestamp(i++, Timestamp.from(q.from()));
            ps.setTimestamp(i++, Timestamp.from(q.to()));
            i = bindCursor(ps, i, q.cursor());
            ps.setInt(i, q.limit() + 1);
            return bucket == null ? raw(ps, registry, q.limit()) : bucketed(ps, registry, q.limit(), bucket);
        }
    }

    private static int bindCursor(PreparedStatement ps, int i, List<String> cursor) throws SQLException {
        try {
            ps.setInt(i, cursor == null ? 0 : Integer.parseInt(cursor.get(0)));
            ps.setInt(i + 1, cursor == null ? 0 : Integer.parseInt(cursor.get(1)));
            ps.setTimestamp(i + 2, Timestamp.from(cursor == null ? Instant.EPOCH : Instant.parse(cursor.get(2))));
        } catch (RuntimeException e) {
            throw Cursor.malformed();
        }
        return i + 3;
    }

    private static Page raw(PreparedStatement ps, Registry registry, int limit) throws SQLException {
        Page.Builder page = new Page.Builder(limit);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant ts = rs.getTimestamp(3).toInstant();
                JsonObject row = row(registry, rs.getInt(1), rs.getInt(2), ts).put("value", rs.getDouble(4))
                    .put("quality", quality(rs.getInt(5)));
                page.add(row, List.of(rs.getInt(1), rs.getInt(2), ts));
            }
        }
        return page.build();
    }

    private static Page bucketed(PreparedStatement ps, Registry registry, int limit, Bucket bucket)
        throws SQLException {
        Page.Builder page = new Page.Builder(limit);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant ts = rs.getTimestamp(3).toInstant();
                JsonObject row = row(registry, rs.getInt(1), rs.getInt(2), ts).put("value", Rows.number(rs, 5))
                    .putNull("quality").put("samples", rs.getLong(4)).put("min", Rows.number(rs, 6))
                    .put("max", Rows.number(rs, 7)).put("first", Rows.number(rs, 8)).put("last", Rows.number(rs, 9));
                // binned queries continue from the next bucket's start (>=), stored rollups after this one (>)
                Instant next = bucket.binned() ? ts.plus(bucket.width()) : ts;
                page.add(row, List.of(rs.getInt(1), rs.getInt(2), next));
            }
        }
        return page.build();
    }

    private static JsonObject row(Registry registry, int ref, int metricId, Instant ts) {
        Registry.Asset asset = registry.assetByRef(ref);
        Registry.Metric metric = registry.metricById(metricId);
        return new JsonObject().put("timestamp", ts.toString())
            .put("camp", asset == null ? null : asset.campId())
            .put("asset", asset == null ? null : asset.id())
            .put("metric", metric == null ? null : metric.name())
            .put("unit", metric == null ? null : metric.unit());
    }

    private static String quality(int code) {
        return code >= 0 && code < QUALITY.length ? QUALITY[code] : "unknown";
    }
}
