package org.smartcamp.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.Units;
import org.smartcamp.ingest.store.WriteResult;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.Reading;

/**
 * The accounting of one message after the write path, read back from the database, whose readings and dead
 * letters are emptied before the message: a message refused whole is one dead letter and no reading; otherwise
 * every rejected reading is dead-lettered, every accepted one is stored or dead-lettered by the store, nothing is
 * stored that the message did not hold, and a stored value is the value sent in the metric's unit (not turned
 * into 0 on the way).
 */
final class WriteLedger {
    /** The identity of a reading in the store. */
    record Identity(String asset, String metric, Instant ts) {
        static Identity of(Reading r) {
            return new Identity(r.asset(), r.metric(), r.ts().truncatedTo(ChronoUnit.MICROS));
        }
    }

    /** A stored reading with its metric's canonical unit. */
    record Stored(Identity identity, double value, String unit) {
    }

    private final DataSource dataSource;

    WriteLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empties readings and dead letters, so that what is there afterwards is the next message's doing. */
    void clear() {
        execute("DELETE FROM readings");
        execute("DELETE FROM dead_letters");
    }

    /**
     * Asserts that {@code decoded} (or, when {@code null}, a message refused whole) is accounted for.
     *
     * @throws AssertionError naming what was lost, invented or changed
     */
    void assertAccounted(DecodedMessage decoded, WriteResult result) {
        List<Stored> stored = stored();
        List<String> deadLetters = deadLetterReasons();
        assertThat(stored).as("readings stored, as the store counted them").hasSize(result.stored());
        if (decoded == null) {
            assertThat(stored).as("readings stored from a message refused whole").isEmpty();
            assertThat(deadLetters).as("dead letters of a message refused whole").hasSize(1);
            return;
        }
        Map<Identity, List<Reading>> sent = new LinkedHashMap<>();
        for (Reading r : decoded.readings()) {
            sent.computeIfAbsent(Identity.of(r), k -> new ArrayList<>()).add(r);
        }
        long rejected = decoded.rejected().stream().map(r -> r.reason() + "\u0000" + r.raw()).distinct().count();
        int byStore = deadLetters.size() - (int) rejected;
        assertThat(byStore).as("dead letters %s for %d distinct rejected readings", deadLetters, rejected)
            .isNotNegative();
        Set<Identity> missing = new HashSet<>(sent.keySet());
        for (Stored s : stored) {
            assertThat(sent).as("a stored reading the message held").containsKey(s.identity());
            missing.remove(s.identity());
            assertValue(s, sent.get(s.identity()));
        }
        if (!missing.isEmpty()) {
            assertThat(byStore).as("readings %s neither stored nor dead-lettered", missing).isPositive();
        }
    }

    /** The first occurrence in the message that the store could convert is the one stored. */
    private static void assertValue(Stored s, List<Reading> occurrences) {
        for (Reading r : occurrences) {
            DoubleUnaryOperator convert = Units.converter(r.unit(), s.unit());
            if (convert != null) {
                assertThat(s.value()).as("value of %s sent as %s %s", s.identity(), r.value(), r.unit())
                    .isEqualTo(convert.applyAsDouble(r.value()));
                assertThat(s.value() == 0).as("%s %s stored as %s", r.value(), r.unit(), s.value())
                    .isEqualTo(r.value() == 0);
                return;
            }
        }
        throw new AssertionError(s + " stored although no occurrence of it has a convertible unit");
    }

    private List<Stored> stored() {
        List<Stored> rows = new ArrayList<>();
        query("SELECT a.id, m.name, r.ts, r.value, m.unit FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " JOIN metrics m ON m.id = r.metric_id", rs -> rows.add(new Stored(new Identity(rs.getString(1),
            rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()), rs.getDouble(4), rs.getString(5))));
        return rows;
    }

    private List<String> deadLetterReasons() {
        List<String> reasons = new ArrayList<>();
        query("SELECT reason_code FROM dead_letters ORDER BY id", rs -> reasons.add(rs.getString(1)));
        return reasons;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
