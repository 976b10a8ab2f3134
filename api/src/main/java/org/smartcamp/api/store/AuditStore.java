package org.smartcamp.api.store;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.smartcamp.api.http.Cursor;

/** The api_audit table. */
public final class AuditStore {
    private AuditStore() {
    }

    /** Inserts the entries in one batch and one transaction. */
    public static void insert(Connection c, List<AuditEntry> entries) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(Queries.AUDIT_INSERT)) {
            for (AuditEntry e : entries) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                ps.setString(2, text(e.principal()));
                ps.setString(3, text(e.role()));
                ps.setString(4, text(e.method()));
                ps.setString(5, text(e.path()));
                ps.setString(6, text(e.query()));
                ps.setInt(7, e.status());
                if (e.rows() == null) {
                    ps.setNull(8, Types.INTEGER);
                } else {
                    ps.setInt(8, e.rows());
                }
                ps.setBoolean(9, e.export());
                ps.setString(10, text(e.remote()));
                ps.setInt(11, (int) Math.min(Integer.MAX_VALUE, e.durationMs()));
                ps.setArray(12, c.createArrayOf("text", e.missions().toArray()));
                ps.setArray(13, c.createArrayOf("text", e.camps().toArray()));
                ps.setArray(14, c.createArrayOf("text", e.personal().metrics().toArray()));
                ps.setArray(15, c.createArrayOf("text", e.personal().assets().toArray()));
                ps.setTimestamp(16, e.personal().from() == null ? null : Timestamp.from(e.personal().from()));
                ps.setTimestamp(17, e.personal().to() == null ? null : Timestamp.from(e.personal().to()));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Text PostgreSQL always accepts: a NUL (which a token's subject may hold) becomes U+FFFD. */
    static String text(String s) {
        return s == null ? null : s.replace('\u0000', '\uFFFD');
    }

    /**
     * Entries in {@code [from, to)}, of one principal when not null, after the cursor's id, that {@code reader}
     * may see; only those that read personal data when {@code personalOnly}.
     */
    public static Page list(Connection c, Instant from, Instant to, String principal, AuditReader reader,
                            boolean personalOnly, List<String> cursor, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.AUDIT)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setString(3, principal == null ? "" : principal);
            ps.setString(4, principal == null ? "" : principal);
            try {
                ps.setLong(5, cursor == null ? 0 : Long.parseLong(cursor.get(0)));
            } catch (NumberFormatException e) {
                throw Cursor.malformed();
            }
            ps.setBoolean(6, reader.all());
            ps.setArray(7, c.createArrayOf("text", reader.missions().toArray()));
            ps.setArray(8, c.createArrayOf("text", reader.camps().toArray()));
            ps.setBoolean(9, personalOnly);
            ps.setInt(10, limit + 1);
            Page.Builder page = new Page.Builder(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject row = Rows.object(rs);
                    page.add(row, List.of(row.getLong("id")));
                }
            }
            return page.build();
        }
    }
}
