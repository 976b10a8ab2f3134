package org.smartcamp.deploy.faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.OutgoingMessage;

/**
 * What a case published, reading by reading: every distinct reading (asset, metric, event time) with the value
 * sent first. Loaded into the case's database as table {@code published}, so that what was stored can be compared
 * with it row by row.
 */
final class MessageLedger implements Ledger {
    private static final String STORED = "SELECT a.id AS asset, m.name AS metric, r.ts, r.value FROM readings r"
        + " JOIN assets a ON a.ref = r.asset_ref JOIN metrics m ON m.id = r.metric_id";
    private static final String OUTCOME = "WITH s AS (" + STORED + ") SELECT"
        + " (SELECT count(*) FROM published),"
        + " (SELECT count(*) FROM readings),"
        + " (SELECT count(*) FROM published p WHERE NOT EXISTS (SELECT 1 FROM s"
        + "   WHERE s.asset = p.asset AND s.metric = p.metric AND s.ts = p.ts)),"
        + " (SELECT count(*) FROM s WHERE NOT EXISTS (SELECT 1 FROM published p"
        + "   WHERE s.asset = p.asset AND s.metric = p.metric AND s.ts = p.ts)),"
        + " (SELECT count(*) FROM (SELECT 1 FROM readings GROUP BY asset_ref, metric_id, ts"
        + "   HAVING count(*) > 1) d),"
        + " (SELECT count(*) FROM published p JOIN s USING (asset, metric, ts) WHERE s.value <> p.value),"
        + " (SELECT count(*) FROM dead_letters)";

    private record Key(String asset, String metric, java.time.Instant ts) {
    }

    private final Map<Key, Double> readings = new LinkedHashMap<>();
    private long messages;

    /** Adds the readings of {@code sent} (a reading sent again keeps its first value). */
    void add(List<OutgoingMessage> sent) {
        for (OutgoingMessage m : sent) {
            messages++;
            for (Reading r : m.batch().readings()) {
                // the store keeps event times to the microsecond (PostgreSQL's precision), as the ingest does
                readings.putIfAbsent(new Key(r.asset(), r.metric(), r.ts().truncatedTo(ChronoUnit.MICROS)), r.value());
            }
        }
    }

    @Override
    public long readings() {
        return readings.size();
    }

    @Override
    public long messages() {
        return messages;
    }

    /** Loads these readings into table {@code published} and compares the store with them, row by row. */
    @Override
    public Outcome outcome(Connection c) throws SQLException, IOException {
        load(c);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OUTCOME)) {
            rs.next();
            return new Outcome(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7));
        }
    }

    /** Replaces table {@code published} in the database of {@code c} with these readings. */
    private void load(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS published");
            s.execute("CREATE TABLE published (asset text NOT NULL, metric text NOT NULL, ts timestamptz NOT NULL,"
                + " value double precision NOT NULL)");
        }
        StringBuilder sb = new StringBuilder(readings.size() * 64);
        readings.forEach((k, v) -> sb.append(k.asset()).append('\t').append(k.metric()).append('\t').append(k.ts())
            .append('\t').append(v).append('\n'));
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY published (asset, metric, ts, value) FROM STDIN",
            new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
