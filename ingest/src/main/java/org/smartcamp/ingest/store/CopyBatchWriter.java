package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The ingest's store: a batch goes in one transaction. Readings are streamed with binary COPY; a batch that contains
 * a reading seen before (broker redelivery, a resent backlog) goes through a per-connection staging table and one
 * {@code INSERT .. ON CONFLICT DO NOTHING} instead, so every reading is stored once (repeats within a batch are
 * removed before). What needs no database transaction (resolving ids against the registry, encoding the rows) is
 * done by {@link #prepare}, so that the pipeline can make the next batch ready while this one commits. Dead
 * letters, gateway status and the wire formats' session states ({@link WireSessions}) commit
 * in the same transaction, so acknowledging the batch afterwards loses nothing. A message the database refuses
 * with a data error does not block its batch: {@link PoisonIsolation} bisects the batch down to it, dead-letters it
 * and commits the rest.
 */
public final class CopyBatchWriter implements TelemetryStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;
    private final BatchResolver resolver;
    private final PoisonIsolation isolation = new PoisonIsolation(this::resolveAndCommit);
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
        return commit(prepare(batch));
    }

    /** The batch resolved against the registry and its readings encoded for COPY, before any transaction. */
    @Override
    public Prepared prepare(WriteBatch batch) {
        return resolve(batch);
    }

    /** The batch resolved against the registry, its readings encoded for COPY and their keys hashed. */
    private ReadyBatch resolve(WriteBatch batch) {
        ResolvedBatch resolved = resolver.resolve(batch);
        List<ResolvedBatch.Staged> readings = resolved.readings();
        return readings.isEmpty() ? new ReadyBatch(batch, resolved, null, new long[0])
            : encode(batch, resolved, readings);
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
    public WriteResult commit(Prepared prepared) {
        ReadyBatch ready = ready(prepared);
        return classified(ready, () -> transaction(ready));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the transaction is begun and the readings COPYed (through the staging table when some were stored
     * before); dead letters, gateways, unknown metrics and wire sessions, which later batches update too, wait for
     * {@link Open#finish}, which runs in batch order. Whatever fails while opening is left for {@link Open#finish},
     * which then writes the batch as {@link #commit} does.
     */
    @Override
    public Open open(Prepared prepared) {
        ReadyBatch ready = ready(prepared);
        if (ready.rows() == null) {
            return TelemetryStore.super.open(ready);
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new OpenBatch(ready, c, copy(c, ready.rows(), ready.resolved().readings().size()));
        } catch (SQLException | IOException | RuntimeException e) {
            discard(c);
            return TelemetryStore.super.open(ready);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: when no reading of one has the key (asset, metric, time) of a reading of the other, so that neither
     * COPY waits for the other's uncommitted rows; everything else two batches share is written by
     * {@link Open#finish}, in order. Compared by the keys folded into 64 bits: two that fold alike only make the
     * batches wait for each other.
     */
    @Override
    public boolean concurrent(Prepared earlier, Prepared later) {
        return disjoint(ready(earlier).keys(), ready(later).keys());
    }

    /** A batch ready for its transaction: resolved, its readings as COPY rows ({@code null} when none). */
    private record ReadyBatch(WriteBatch batch, ResolvedBatch resolved, byte[] rows, long[] keys)
        implements Prepared {
    }

    private static ReadyBatch ready(Prepared prepared) {
        if (!(prepared instanceof ReadyBatch ready)) {
            throw new IllegalArgumentException("a batch prepared by another store");
        }
        return ready;
    }

    /**
     * Runs a transaction of {@code ready}; a failure that is not {@linkplain FailureClass#TRANSIENT transient} is
     * isolated ({@link PoisonIsolation}), a transient one thrown to be retried.
     */
    private WriteResult classified(ReadyBatch ready, java.util.function.Supplier<WriteResult> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            if (FailureClass.of(e) == FailureClass.TRANSIENT) {
                throw e;
            }
            return isolation.write(ready.batch(), e);
        }
    }

    /** One transaction, the batch resolved anew: what {@link PoisonIsolation} commits each part with. */
    private WriteResult resolveAndCommit(WriteBatch batch) {
        return transaction(resolve(batch));
    }

    /** One transaction: the batch whole, or nothing of it. */
    private WriteResult transaction(ReadyBatch ready) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int stored = ready.rows() == null ? 0 : copy(c, ready.rows(), ready.resolved().readings().size());
                return finishTransaction(c, ready, stored);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw failure(ready, e);
        }
    }

    /** The rest of a transaction whose readings are written ({@code stored} of them new), and its commit. */
    private WriteResult finishTransaction(Connection c, ReadyBatch ready, int stored) throws SQLException {
        WriteBatch batch = ready.batch();
        ResolvedBatch resolved = ready.resolved();
        insertDeadLetters(c, resolved.deadLetters());
        upsertGateways(c, resolved.gateways());
        upsertUnknownMetrics(c, resolved.unknownMetrics());
        WireSessions.write(c, resolved.sessions(), batch.messages().isEmpty() ? null
            : batch.messages().get(batch.messages().size() - 1).receivedAt());
        c.commit();
        unknownMetricLog.warnFirst(resolved.unknownMetrics());
        return new WriteResult(stored, resolved.repeated() + resolved.readings().size() - stored,
            resolved.deadLetters().size(), resolved.refused());
    }

    private static StoreException failure(ReadyBatch ready, Exception e) {
        return new StoreException("cannot commit a batch of " + ready.batch().readingCount() + " readings: "
            + DataSources.rootMessage(e), e);
    }

    /** Rolls back and closes a connection whose transaction is abandoned; a broken one is closed all the same. */
    private static void discard(Connection c) {
        if (c == null) {
            return;
        }
        try (c) {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the pool replaces a connection that cannot roll back
        }
    }

    /** A transaction with the batch's readings written, holding its connection until finished or abandoned. */
    private final class OpenBatch implements Open {
        private final ReadyBatch ready;
        private final int stored;
        private Connection connection;

        OpenBatch(ReadyBatch ready, Connection connection, int stored) {
            this.ready = ready;
            this.connection = connection;
            this.stored = stored;
        }

        @Override
        public synchronized WriteResult finish() {
            Connection c = take();
            return classified(ready, () -> {
                try (c) {
                    try {
                        return finishTransaction(c, ready, stored);
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    throw failure(ready, e);
                }
            });
        }

        @Override
        public synchronized void abandon() {
            if (connection != null) {
                discard(take());
            }
        }

        private Connection take() {
            if (connection == null) {
                throw new IllegalStateException("the batch's transaction is over");
            }
            Connection c = connection;
            connection = null;
            return c;
        }
    }

    /** Whether two sorted arrays have no value in common. */
    static boolean disjoint(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0 || a[a.length - 1] < b[0] || b[b.length - 1] < a[0]) {
            return true;
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return false;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return true;
    }

    /**
     * Most batches hold no reading seen before, so they are COPYed straight into {@code readings} under a
     * savepoint. Only when that hits the primary key (a redelivery, a resent backlog) is the batch redone
     * through the staging table, which skips what exists: the common case runs at COPY speed, the rare one
     * stays correct.
     */
    private static int copy(Connection c, byte[] rows, int count) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Savepoint direct = c.setSavepoint();
        try {
            copy.copyIn(Sql.COPY_READINGS, new ByteArrayInputStream(rows));
            c.releaseSavepoint(direct);
            return count;
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

    /** The binary COPY stream's signature, flags and header extension length (PostgreSQL's COPY, binary format). */
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final int ROW_BYTES = 2 + 2 * (4 + 4) + 3 * (4 + 8) + (4 + 2);
    /** A row's field count and field lengths at their places, values zero (see {@link #copyBinary}). */
    private static final byte[] ROW_TEMPLATE = ByteBuffer.allocate(ROW_BYTES).putShort((short) 6)
        .putInt(4).putInt(0).putInt(4).putInt(0).putInt(8).putLong(0).putInt(8).putLong(0).putInt(2).putShort((short) 0)
        .putInt(8).putLong(0).array();
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Seconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;

    /**
     * The batch ready for its transaction: its rows for COPY and, from the same pass, its readings' keys (asset,
     * metric, time) folded into 64 bits and sorted, for {@link #concurrent}. Two keys may fold alike; that only
     * makes two batches wait for each other.
     */
    private static ReadyBatch encode(WriteBatch batch, ResolvedBatch resolved, List<ResolvedBatch.Staged> readings) {
        long[] keys = new long[readings.size()];
        byte[] rows = copyBinary(readings, keys);
        java.util.Arrays.sort(keys);
        return new ReadyBatch(batch, resolved, rows, keys);
    }

    /**
     * The rows in COPY's binary format: no number or time is formatted as text on this side or parsed on the
     * database's (asset_ref int4, metric_id int4, ts timestamptz, value float8, quality int2, received_at
     * timestamptz; times as microseconds since 2000-01-01 UTC); {@code keys[i]} gets reading i's folded key.
     */
    private static byte[] copyBinary(List<ResolvedBatch.Staged> readings, long[] keys) {
        byte[] out = new byte[BINARY_HEADER.length + readings.size() * ROW_BYTES + 2];
        System.arraycopy(BINARY_HEADER, 0, out, 0, BINARY_HEADER.length);
        int at = BINARY_HEADER.length;
        Instant receivedAt = null;
        long received = 0;
        int i = 0;
        for (ResolvedBatch.Staged r : readings) {
            // the field count and lengths are the same in every row: copied, only the values are written
            System.arraycopy(ROW_TEMPLATE, 0, out, at, ROW_BYTES);
            INT.set(out, at + 2 + 4, r.assetRef());
            INT.set(out, at + 2 + 8 + 4, r.metricId());
            long ts = pgMicros(r.ts());
            LONG.set(out, at + 2 + 16 + 4, ts);
            keys[i++] = ((long) r.assetRef() << 24 ^ r.metricId()) * 0x9E37_79B9_7F4A_7C15L ^ ts;
            LONG.set(out, at + 2 + 28 + 4, Double.doubleToLongBits(r.value()));
            SHORT.set(out, at + 2 + 40 + 4, r.quality());
            // the readings of a message share their arrival time
            if (r.receivedAt() != receivedAt) {
                receivedAt = r.receivedAt();
                received = pgMicros(receivedAt);
            }
            LONG.set(out, at + 2 + 46 + 4, received);
            at += ROW_BYTES;
        }
        SHORT.set(out, at, (short) -1);
        return out;
    }

    /** Microseconds since PostgreSQL's epoch, nanoseconds rounded as PostgreSQL rounds a time's text. */
    static long pgMicros(Instant t) {
        long micros = (t.getNano() + 500) / 1000;
        return Math.addExact(Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), micros);
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
