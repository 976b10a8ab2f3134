package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.smartcamp.ingest.store.WriterFixture.message;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.PayloadFormat;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * A message the database refuses never blocks its batch (issue 13): the writer against the real database, with
 * the refusals a real database gives (a NUL in text, a timestamp beyond its range, a trigger raising for one
 * marker value), and transient failures injected on the connection.
 */
class PoisonIsolationIT {
    private static final TopicAddress CAMP_A = new TopicAddress("m1", "c-a", "gw-a");
    private static final TopicAddress CAMP_B = new TopicAddress("m1", "c-b", "gw-b");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final double MARKER = 666.25;
    private static MigratedStore store;
    private static TestDatabase db;
    private static HikariDataSource ds;
    private static CopyBatchWriter writer;

    @BeforeAll
    static void setUp() throws SQLException {
        store = MigratedStore.create("poison");
        db = store.db();
        ds = store.dataSource();
        writer = new CopyBatchWriter(ds, new AssetRegistry(ds));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // a refusal a real database gives for one value, as a CHECK constraint added by an operator would
            s.execute("CREATE FUNCTION refuse_marker() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.value = " + MARKER + " THEN RAISE EXCEPTION 'marker value refused'"
                + " USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER refuse_marker BEFORE INSERT ON readings FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_marker()");
            // a database encoding that lacks a character: refuses a dead letter whose detail holds it
            s.execute("CREATE FUNCTION refuse_skull() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF strpos(NEW.detail, U&'\\2620') > 0 THEN RAISE EXCEPTION 'character not in repertoire'"
                + " USING ERRCODE = 'character_not_in_repertoire'; END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER refuse_skull BEFORE INSERT ON dead_letters FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_skull()");
        }
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void aDeadLetterWhoseDetailHoldsANulIsStoredAndTheBatchWithIt() {
        // D1: the decoder's detail quoted the asset id "juba1-\0"; PostgreSQL refuses NUL in text
        DeadLetter nul = new DeadLetter(T0, CAMP_A.telemetryTopic(), "{\"asset\":\"juba1-\\u0000\"}".getBytes(
            StandardCharsets.UTF_8), RejectReason.INVALID_ID, "readings[0]: asset id 'juba1-\u0000' does not match");
        List<ReceivedMessage> valid = messages(CAMP_B, "d1-gen", 5, 1.0);

        WriteResult result = writer.write(new WriteBatch(valid, List.of(nul)));

        assertThat(result.stored()).isEqualTo(5);
        assertThat(stored("d1-gen")).isEqualTo(5);
        assertThat(text("SELECT detail FROM dead_letters WHERE reason_code = 'invalid_id'"))
            .isEqualTo("readings[0]: asset id 'juba1-\\u0000' does not match");
    }

    @Test
    void aSentTimeBeyondTheDatabasesRangeIsIsolatedAndTheRestOfTheBatchIsStored() {
        // D2 behind the decoder: a gateway status the database cannot hold (timestamp out of range, 22008)
        List<ReceivedMessage> batch = new ArrayList<>(messages(CAMP_B, "d2-gen", 6, 1.0));
        Instant farFuture = Instant.parse("+300000-01-01T00:00:00Z");
        Reading r = Reading.of("d2-bad", "power.active", T0, 3.0);
        batch.add(3, new ReceivedMessage(CAMP_A.telemetryTopic(), T0, "{\"sent\":\"+300000\"}".getBytes(
            StandardCharsets.UTF_8), new DecodedMessage(CAMP_A, PayloadFormat.SMARTCAMP_JSON, 1L, farFuture,
            List.of(r), List.of())));

        WriteResult result = writer.write(new WriteBatch(batch, List.of()));

        assertThat(result.stored()).isEqualTo(6);
        assertThat(result.refused()).containsEntry(RejectReason.DATABASE_REFUSED, 1);
        assertThat(stored("d2-gen")).isEqualTo(6);
        assertThat(stored("d2-bad")).isZero();
        assertThat(text("SELECT convert_from(payload, 'UTF8') FROM dead_letters WHERE reason_code ="
            + " 'database_refused' AND detail LIKE '%out of range%'")).isEqualTo("{\"sent\":\"+300000\"}");
    }

    @Test
    void aMessageATriggerRefusesIsBisectedOutOfSixtyFourAndEveryOtherReadingIsStoredOnce() {
        List<ReceivedMessage> batch = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            batch.add(message(i % 2 == 0 ? CAMP_A : CAMP_B, i, T0.plusSeconds(i), List.of(
                Reading.of("tr-gen-" + (i % 2), "power.active", T0.plusSeconds(i), i == 41 ? MARKER : i),
                Reading.of("tr-tank-" + (i % 2), "fuel.volume", T0.plusSeconds(i), 100 + i))));
        }
        batch.set(7, batch.get(6));
        byte[] poisonPayload = batch.get(41).payload();

        WriteResult first = writer.write(new WriteBatch(batch, List.of()));
        WriteResult again = writer.write(new WriteBatch(batch, List.of()));

        assertThat(first.stored()).isEqualTo(63 * 2 - 2);
        assertThat(first.refused()).containsEntry(RejectReason.DATABASE_REFUSED, 1);
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id LIKE 'tr-%'")).isEqualTo(63 * 2 - 2);
        assertThat(db.queryLong("SELECT count(*) FROM readings WHERE value = " + MARKER)).isZero();
        assertThat(again.stored()).as("a redelivery stores nothing twice").isZero();
        assertThat(db.queryLong("SELECT count(*) FROM dead_letters WHERE reason_code = 'database_refused'"
            + " AND detail LIKE '%marker value refused%'")).isEqualTo(1);
        assertThat(bytes("SELECT payload FROM dead_letters WHERE detail LIKE '%marker value refused%'"))
            .isEqualTo(poisonPayload);
    }

    @Test
    void aDeadLetterTheDatabaseRefusesIsStoredInAsciiWithItsReason() {
        DeadLetter skull = new DeadLetter(T0, CAMP_A.telemetryTopic(), new byte[] {1, 2},
            RejectReason.UNSUPPORTED_VALUE,
            "asset id 'x-\u2620' does not match");

        WriteResult result = writer.write(new WriteBatch(messages(CAMP_B, "sk-gen", 3, 1.0), List.of(skull)));

        assertThat(result.stored()).isEqualTo(3);
        assertThat(text("SELECT detail FROM dead_letters WHERE payload = '\\x0102'::bytea"))
            .isEqualTo("asset id 'x-\\u2620' does not match");
        assertThat(text("SELECT reason_code FROM dead_letters WHERE payload = '\\x0102'::bytea"))
            .isEqualTo("unsupported_value");
    }

    @Test
    void aTransientFailureIsThrownForRetryWithNothingDeadLetteredAndTheRetryStoresEverything() {
        long deadLetters = db.queryLong("SELECT count(*) FROM dead_letters");
        FailingDataSource failing = new FailingDataSource(ds);
        CopyBatchWriter flaky = new CopyBatchWriter(failing, new AssetRegistry(ds));
        WriteBatch batch = new WriteBatch(messages(CAMP_B, "tx-gen", 4, 1.0), List.of());

        for (String sqlState : List.of("08006", "40001", "40P01", "57P01", "53300")) {
            failing.failNextCommit(sqlState);
            assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> flaky.write(batch))
                .satisfies(e -> assertThat(FailureClass.of(e)).isEqualTo(FailureClass.TRANSIENT));
            assertThat(stored("tx-gen")).as("rolled back after %s", sqlState).isZero();
        }
        WriteResult retried = flaky.write(batch);

        assertThat(retried.stored()).isEqualTo(4);
        assertThat(stored("tx-gen")).isEqualTo(4);
        assertThat(db.queryLong("SELECT count(*) FROM dead_letters")).isEqualTo(deadLetters);
    }

    private static List<ReceivedMessage> messages(TopicAddress address, String asset, int n, double value) {
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(message(address, i, T0.plusSeconds(i), List.of(
                Reading.of(asset, "power.active", T0.plusSeconds(i), value + i))));
        }
        return messages;
    }

    private static long stored(String asset) {
        return db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref WHERE a.id = '"
            + asset + "'");
    }

    private static String text(String sql) {
        return new String(bytes(sql.replaceFirst("SELECT (.*?) FROM", "SELECT convert_to($1, 'UTF8') FROM")),
            StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String sql) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            byte[] value = rs.getBytes(1);
            assertThat(rs.next()).as("one row: " + sql).isFalse();
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
