package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The ingest's store: a batch goes in one transaction. Readings are streamed with COPY; a batch that contains a
 * reading seen before (broker redelivery, a resent backlog) goes through a per-connection staging table and one
 * {@code INSERT .. ON CONFLICT DO NOTHING} instead, so every reading is stored once (repeats within a batch are
 * removed before). Dead letters, gateway status and the wire formats' session states ({@link WireSessions}) commit
 * in the same transaction, so acknowledging the batch afterwards loses nothing. A message the database refuses
 * with a data error does not block its batch: {@link PoisonIsolation} bisects the batch down to it, dead-letters it
 * and commits the rest.
 */
public final class CopyBatchWriter implements TelemetryStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;
    private final BatchResolver resolver;
    private final PoisonIsolation isolation = new PoisonIsolation(this::commit);
    private final UnknownMetricLog unknownMetricLog = new UnknownMetricLog();

    public CopyBatchWriter(DataSource dataSource, AssetRegistry registry) {
        this.dataSource = dataSource;
        this.resolver = new BatchResolver(registry);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A message (or dead letter) that the database refuses deterministically is isolated and dead-lettered as
     * {@code database_refused}; the rest of the batch is committed (see {@link PoisonIsolation} for the bound on
     * round trips).
     *
     * @throws StoreException (or another runtime exception) when a {@linkplain FailureClass#TRANSIENT transient}
     *                        failure stopped the write: retry the batch later
     */
    @Override
    public WriteResult write(WriteBatch batch) {
        return isolation.write(batch);
    }

    /** One transaction: the batch whole, or nothing of it. */
    private WriteResult commit(WriteBatch batch) {
        ResolvedBatch resolved = resolver.resolve(batch);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int stored = resolved.readings().isEmpty() ? 0 : copy(c, resolved.readings());
                insertDeadLetters(c, resolved.deadLetters());
                upsertGateways(c, resolved.gateways());
                upsertUnknownMetrics(c, resolved.unknownMetrics());
                WireSessions.write(c, resolved.sessions(), batch.messages().isEmpty() ? null
                    : batch.messages().get(batch.messages().size() - 1).receivedAt());
                c.commit();
                unknownMetricLog.warnFirst(resolved.unknownMetrics());
                return new WriteResult(stored, resolved.repeated() + resolved.readings().size() - stored,
                    resolved.deadLetters().size(), resolved.refused());
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot commit a batch of " + batch.readingCount() + " readings: "
                + DataSources.rootMessage(e), e);
        }
    }

    /**
     * Most batches hold no reading seen before, so they are COPYed straight into {@code readings} under a
     * savepoint. Only when that hits the primary key (a redelivery, a resent backlog) is the batch redone
     * through the staging table, which skips what exists: the common case runs at COPY speed, the rare one
     * stays correct.
     */
    private static int copy(Connection c, List<ResolvedBatch.Staged> readings) throws SQLException, IOException {
        byte[] rows = copyText(readings);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Savepoint direct = c.setSavepoint();
        try {
            copy.copyIn(Sql.COPY_READINGS, new ByteArrayInputStream(rows));
            c.releaseSavepoint(direct);
            return readings.size();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(direct);
        }
        try (Statement s = c.createStatement()) {
            s.execute(Sql.CREATE_STAGING);
        }
        copy.copyIn(Sql.COPY_STAGING, new ByteArrayInputStream(rows));
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(Sql.MERGE_STAGING);
        }
    }

    /** COPY text format: tab-separated, one row a line; numbers and ISO instants need no escaping. */
    static byte[] copyText(List<ResolvedBatch.Staged> readings) {
        StringBuilder sb = new StringBuilder(readings.size() * 80);
        for (ResolvedBatch.Staged r : readings) {
            sb.append(r.assetRef()).append('\t').append(r.metricId()).append('\t').append(r.ts()).append('\t')
                .append(r.value()).append('\t').append(r.quality()).append('\t').append(r.receivedAt()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void insertDeadLetters(Connection c, List<DeadLetter> deadLetters) throws SQLException {
        if (deadLetters.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(Sql.INSERT_DEAD_LETTER)) {
            for (DeadLetter d : deadLetters) {
                s.setTimestamp(1, Timestamp.from(d.receivedAt()));
                s.setString(2, d.topic());
                s.setBytes(3, d.payload());
                s.setString(4, d.reason().code());
                s.setString(5, d.detail());
                s.setBytes(6, digest(d));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void upsertGateways(Connection c, List<ResolvedBatch.GatewayUpdate> gateways)
            throws SQLException {
        if (gateways.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(Sql.UPSERT_GATEWAY)) {
            for (ResolvedBatch.GatewayUpdate g : gateways) {
                s.setString(1, g.campId());
                s.setString(2, g.gatewayId());
                if (g.lastSeq() == null) {
                    s.setNull(3, Types.BIGINT);
                } else {
                    s.setLong(3, g.lastSeq());
                }
                s.setTimestamp(4, g.lastSent() == null ? null : Timestamp.from(g.lastSent()));
                s.setTimestamp(5, Timestamp.from(g.lastReceived()));
                s.setLong(6, g.messages());
                s.setString(7, g.status() == null ? null : g.status().code());
                s.setTimestamp(8, g.statusAt() == null ? null : Timestamp.from(g.statusAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void upsertUnknownMetrics(Connection c, List<ResolvedBatch.UnknownMetricSighting> sightings)
            throws SQLException {
        if (sightings.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(Sql.UPSERT_UNKNOWN_METRIC)) {
            for (ResolvedBatch.UnknownMetricSighting u : sightings) {
                s.setString(1, u.campId());
                s.setString(2, u.gatewayId());
                s.setInt(3, u.metricId());
                s.setTimestamp(4, Timestamp.from(u.first()));
                s.setTimestamp(5, Timestamp.from(u.last()));
                s.setLong(6, u.readings());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Identity of a dead letter: the same bad input on the same topic for the same reason is kept once. */
    static byte[] digest(DeadLetter d) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(d.topic().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(d.reason().code().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(d.payload());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
