package org.smartcamp.deploy.faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
 * What a case published: every distinct reading (asset, metric, event time) with the value sent first. Loaded into
 * the case's database as table {@code published}, so that what was stored can be compared with it row by row.
 */
final class Ledger {
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

    /** Distinct readings published. */
    long readings() {
        return readings.size();
    }

    long messages() {
        return messages;
    }

    /** Replaces table {@code published} in the database of {@code c} with these readings. */
    void load(Connection c) throws SQLException, IOException {
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
