package org.smartcamp.ingest.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection: committed when it returns, rolled back when it throws. */
public final class Transactions {
    private Transactions() {
    }

    /** Work on a connection inside a transaction. */
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction on {@code c} and leaves {@code c} in auto-commit.
     *
     * @throws SQLException what the work or the commit threw, after rolling back
     */
    public static void run(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
