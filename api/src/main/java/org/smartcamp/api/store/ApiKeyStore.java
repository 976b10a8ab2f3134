package org.smartcamp.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The api_keys table: keys are stored as the SHA-256 of their secret, never the secret itself. */
public final class ApiKeyStore {
    private ApiKeyStore() {
    }

    /**
     * Stores a new key.
     *
     * @throws SQLException when the id is taken or a constraint fails
     */
    public static void insert(Connection c, ApiKeyRecord key, byte[] secretSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.KEY_INSERT)) {
            ps.setString(1, key.id());
            ps.setString(2, key.name());
            ps.setBytes(3, secretSha256);
            ps.setString(4, key.role());
            ps.setArray(5, c.createArrayOf("text", key.missions().toArray()));
            ps.setArray(6, c.createArrayOf("text", key.camps().toArray()));
            if (key.expiresAt() == null) {
                ps.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setTimestamp(7, Timestamp.from(key.expiresAt()));
            }
            ps.setArray(8, c.createArrayOf("text", key.location().toArray()));
            ps.executeUpdate();
        }
    }

    /** Revokes the key; false when there is no such unrevoked key. */
    public static boolean revoke(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.KEY_REVOKE)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Every key, revoked ones included, by id. */
    public static List<ApiKeyRecord> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.KEY_LIST); ResultSet rs = ps.executeQuery()) {
            List<ApiKeyRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(record(rs));
            }
            return out;
        }
    }

    /** The key whose secret hashes to {@code secretSha256}. */
    public static Optional<ApiKeyRecord> byHash(Connection c, byte[] secretSha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.KEY_BY_HASH)) {
            ps.setBytes(1, secretSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static ApiKeyRecord record(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(rs.getString(1), rs.getString(2), rs.getString(3), Rows.texts(rs, 4),
            Rows.texts(rs, 5), time(rs, 6), time(rs, 7), time(rs, 8), Rows.texts(rs, 9));
    }

    private static Instant time(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
