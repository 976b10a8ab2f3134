package org.smartcamp.api.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation of the analytics answers (table {@code api_answer_generation}, V22): a number the database bumps
 * in the same transaction as any change to a table the cacheable routes read. One thread holds a connection of
 * its own that LISTENs to {@code smartcamp_analytics} (sent on commit, to every replica) and reads the row again
 * on each notification and at least every {@code poll} milliseconds, so a notification lost with a connection
 * costs at most that long. While the row cannot be read the generation is unknown ({@link #UNKNOWN}) and nothing
 * is served from the cache.
 */
public final class AnswerGeneration implements AutoCloseable {
    /** The generation while it cannot be read. */
    public static final long UNKNOWN = -1;
    static final String CHANNEL = "smartcamp_analytics";
    static final String READ = "SELECT generation, changed_at FROM api_answer_generation";
    private static final Logger LOG = LoggerFactory.getLogger(AnswerGeneration.class);

    private final DataSource dataSource;
    private final long pollMillis;
    private volatile LongConsumer onChange = g -> { };
    private final Thread thread;
    private volatile long generation = UNKNOWN;
    private volatile Instant changedAt = Instant.EPOCH;
    private volatile boolean running = true;
    private boolean warned;

    public AnswerGeneration(DataSource dataSource, long pollMillis) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.pollMillis = pollMillis;
        this.thread = new Thread(this::loop, "api-answer-generation");
        thread.setDaemon(true);
    }

    /**
     * Reads the generation once (so the first answers can be cached) and starts listening.
     *
     * @param listener called with the new generation each time it changes (on this class's thread)
     */
    public AnswerGeneration start(LongConsumer listener) {
        this.onChange = Objects.requireNonNull(listener);
        try (Connection c = dataSource.getConnection()) {
            read(c);
        } catch (SQLException e) {
            LOG.warn("Cannot read the answer generation ({}); answers are not cached until it can be read",
                e.getMessage());
        }
        thread.start();
        return this;
    }

    /** The current generation, or {@link #UNKNOWN}. */
    public long current() {
        return generation;
    }

    /** When the database last bumped the generation (its clock). */
    public Instant changedAt() {
        return changedAt;
    }

    private void loop() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    read(c);
                    pg.getNotifications((int) pollMillis);
                }
            } catch (SQLException | RuntimeException e) {
                boolean wasKnown = generation != UNKNOWN;
                set(UNKNOWN, changedAt);
                if (running) {
                    if (wasKnown || !warned) {
                        LOG.warn("Answer generation unavailable ({}); answers are not cached until it is back",
                            e.getMessage());
                        warned = true;
                    }
                    pause();
                }
            }
        }
    }

    private void read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ)) {
            if (rs.next()) {
                set(rs.getLong(1), rs.getTimestamp(2).toInstant());
            } else {
                set(UNKNOWN, changedAt);
            }
        }
    }

    private void set(long next, Instant at) {
        changedAt = at;
        if (next != generation) {
            generation = next;
            onChange.accept(next);
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(pollMillis * 2 + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
