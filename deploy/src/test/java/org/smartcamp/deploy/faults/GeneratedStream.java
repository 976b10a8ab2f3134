package org.smartcamp.deploy.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.deploy.bench.Workload;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.simulator.gateway.OutgoingMessage;

/**
 * The suite's stream workload ({@link Workload.Shape}: four gateways, messages of 100 distinct readings) with a
 * {@link HostileMix}, made one message at a time as it is published, so that a stream of tens of millions of
 * readings costs the test no memory; and its ledger, which is arithmetic rather than a list of readings: message
 * {@code i} holds gateway {@code i % 4}'s ticks from {@code 100 * (i / 4)}, and a reading's asset, metric and event
 * time give its tick and value back. The comparison with the database reads every stored row once and is exact:
 * one bit per expected reading.
 */
final class GeneratedStream extends AbstractList<OutgoingMessage> implements Ledger {
    private final Workload.Shape shape;
    private final HostileMix mix;
    private final int size;
    private final long readings;

    /** {@code messages} messages of the suite's shape, with event times in the hours before {@code now}. */
    GeneratedStream(String mission, long messages, Instant now, HostileMix mix) {
        if (messages > Integer.MAX_VALUE / FaultProfile.PER_MESSAGE) {
            throw new IllegalArgumentException(messages + " messages: more than a stream's ledger indexes");
        }
        this.shape = new Workload.Shape(mission, messages * FaultProfile.PER_MESSAGE, FaultProfile.PER_MESSAGE,
            FaultProfile.GATEWAYS, now);
        this.mix = mix;
        this.size = (int) messages;
        long valid = 0;
        for (int i = 0; i < size; i++) {
            valid += refused(i) ? 0 : shape.readings(i);
        }
        this.readings = valid;
    }

    /** Message {@code i}, made now (spoiled when it is a hostile one's turn). */
    @Override
    public OutgoingMessage get(int i) {
        Workload.Message m = shape.message(i);
        OutgoingMessage valid = new OutgoingMessage(TopicAddress.parse(m.topic()), new TelemetryBatch(i,
            shape.now(), m.content()), m.payload(), false);
        return mix.apply(valid, i);
    }

    @Override
    public int size() {
        return size;
    }

    /** Valid readings published: those of every message but the hostile ones refused as a whole. */
    @Override
    public long readings() {
        return readings;
    }

    @Override
    public long messages() {
        return size;
    }

    /** Hostile messages of each kind. */
    Map<HostileMix.Kind, Long> hostile() {
        return mix.hostile(size);
    }

    long hostileMessages() {
        return mix.hostileMessages(size);
    }

    /** The dead letters the hostile messages must make, per reason code. */
    Map<String, Long> expectedDeadLetters() {
        return mix.expectedDeadLetters(size);
    }

    /**
     * Reads every stored reading once (ids, not names: the assets and metrics tables give those) and marks its
     * tick: a reading that maps to no tick of a message that should be stored is unexpected, a tick marked twice
     * is stored twice, a tick never marked is lost.
     */
    @Override
    public Outcome outcome(Connection c) throws SQLException {
        Map<Long, int[]> assets = assets(c);
        Map<Long, Integer> metrics = metrics(c);
        long perGateway = (shape.total() + FaultProfile.GATEWAYS - 1) / FaultProfile.GATEWAYS;
        BitSet[] seen = new BitSet[FaultProfile.GATEWAYS];
        BitSet[] twice = new BitSet[FaultProfile.GATEWAYS];
        for (int g = 0; g < seen.length; g++) {
            seen[g] = new BitSet((int) perGateway);
            twice[g] = new BitSet();
        }
        long startMicros = start().getEpochSecond() * 1_000_000L;
        long stored = 0;
        long unexpected = 0;
        long doubled = 0;
        long wrongValue = 0;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // a cursor: the rows come in batches, not all at once
        try (Statement s = c.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("SELECT asset_ref, metric_id,"
                    + " (extract(epoch FROM ts) * 1000000)::bigint, value FROM readings")) {
                while (rs.next()) {
                    stored++;
                    int[] asset = assets.get(rs.getLong(1));
                    Integer metric = metrics.get(rs.getLong(2));
                    long tick = asset == null || metric == null ? -1 : tick(asset[0], asset[1], metric,
                        rs.getLong(3) - startMicros);
                    if (tick < 0) {
                        unexpected++;
                    } else if (seen[asset[0]].get((int) tick)) {
                        if (!twice[asset[0]].get((int) tick)) {
                            twice[asset[0]].set((int) tick);
                            doubled++;
                        }
                    } else {
                        seen[asset[0]].set((int) tick);
                        if (rs.getDouble(4) != Workload.Shape.value(tick)) {
                            wrongValue++;
                        }
                    }
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(autoCommit);
        }
        long distinct = 0;
        for (BitSet b : seen) {
            distinct += b.cardinality();
        }
        long deadLetters;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM dead_letters")) {
            rs.next();
            deadLetters = rs.getLong(1);
        }
        return new Outcome(readings, stored, readings - distinct, unexpected, doubled, wrongValue, deadLetters);
    }

    /**
     * The tick of a stored reading of {@code gateway}'s asset {@code asset} and metric {@code metric} at
     * {@code micros} after the stream's first event time, or -1 unless it is in a message that was published and
     * not refused as a whole.
     */
    long tick(int gateway, int asset, int metric, long micros) {
        if (micros < 0 || micros % 1_000_000 != 0) {
            return -1;
        }
        long tick = Workload.Shape.tick(asset, metric, micros / 1_000_000);
        long seq = tick / shape.perMessage() * FaultProfile.GATEWAYS + gateway;
        return seq < size && tick % shape.perMessage() < shape.readings(seq) && !refused(seq) ? tick : -1;
    }

    /** The first event time of the stream. */
    Instant start() {
        return shape.start();
    }

    private boolean refused(long seq) {
        HostileMix.Kind kind = mix.kind(seq);
        return kind != null && kind.wholeMessage;
    }

    /** The stream's assets by ref: gateway and index. */
    private Map<Long, int[]> assets(Connection c) throws SQLException {
        Map<Long, int[]> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ref, id FROM assets")) {
            while (rs.next()) {
                for (int g = 0; g < FaultProfile.GATEWAYS; g++) {
                    for (int a = 0; a < Workload.Shape.ASSETS; a++) {
                        if (shape.asset(g, a).equals(rs.getString(2))) {
                            out.put(rs.getLong(1), new int[] {g, a});
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The stream's metrics by id: their index. */
    private static Map<Long, Integer> metrics(Connection c) throws SQLException {
        List<String> names = Workload.Shape.metrics();
        Map<Long, Integer> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM metrics")) {
            while (rs.next()) {
                int i = names.indexOf(rs.getString(2));
                if (i >= 0) {
                    out.put(rs.getLong(1), i);
                }
            }
        }
        return out;
    }
}
