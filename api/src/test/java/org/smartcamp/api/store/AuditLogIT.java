package org.smartcamp.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.ops.MicrometerApiMetrics;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The audit writer against the real database: when entries cannot be written, requests wait for a slot and are
 * refused after the wait instead of entries being dropped, and they go on as soon as the database takes the
 * entries again; an entry the database refuses for its content is dropped alone and the others are written.
 */
class AuditLogIT {
    private static final long WAIT_MS = 2_000;
    private static MigratedStore store;
    private static Vertx vertx;
    private SimpleMeterRegistry registry;
    private AuditLog log;

    @BeforeAll
    static void start() {
        store = MigratedStore.create("api_audit_log");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        store.close();
    }

    @BeforeEach
    void open() throws SQLException {
        sql("TRUNCATE api_audit");
        registry = new SimpleMeterRegistry();
        log = new AuditLog(vertx, new Db(vertx, store.dataSource()), new MicrometerApiMetrics(registry), 3, WAIT_MS);
        log.start();
    }

    @AfterEach
    void close() {
        log.close();
    }

    private static AuditEntry entry(String path, int status) {
        return new AuditEntry(Instant.parse("2026-03-03T00:00:00Z"), "key:test", "viewer", "GET", path, null, status,
            1, false, "127.0.0.1", 3, List.of("unmiss"), List.of("juba1"), AuditEntry.PersonalRead.NONE);
    }

    @Test
    void whileTheDatabaseTakesNoEntriesRequestsWaitForASlotAndNothingIsDropped() throws SQLException {
        sql("ALTER TABLE api_audit RENAME TO api_audit_away");
        Future<Boolean> waiting;
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(log.admit().await()).as("slot %d", i).isTrue();
                log.record(entry("/api/v1/camps/" + i, 200));
            }
            long start = System.nanoTime();
            assertThat(log.admit().await()).as("no slot within the wait").isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).as("it waited").isGreaterThanOrEqualTo(WAIT_MS - 100);
            waiting = log.admit();
            assertThat(waiting.isComplete()).isFalse();
        } finally {
            sql("ALTER TABLE api_audit_away RENAME TO api_audit");
        }
        assertThat(waiting.await()).as("admitted once the entries were written").isTrue();
        log.record(entry("/api/v1/camps/late", 200));
        log.flush().await();
        assertThat(count()).isEqualTo(4);
        assertThat(registry.get("smartcamp.api.audit.dropped").counter().count()).isZero();
    }

    @Test
    void anEntryTheDatabaseRefusesIsDroppedAloneAndTheLogGoesOn() throws SQLException {
        for (int status : new int[] {200, 70_000, 403}) {
            assertThat(log.admit().await()).isTrue();
            log.record(entry("/api/v1/camps/juba1\u0000", status));
        }
        log.flush().await();
        assertThat(count()).isEqualTo(2);
        assertThat(registry.get("smartcamp.api.audit.dropped").counter().count()).isEqualTo(1);
        assertThat(log.admit().await()).as("its slot is free again").isTrue();
    }

    private static long count() throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM api_audit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
