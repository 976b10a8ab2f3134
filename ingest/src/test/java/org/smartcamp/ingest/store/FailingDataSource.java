package org.smartcamp.ingest.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source whose next commit fails with a chosen SQLSTATE: failure injection for what a real database
 * gives only at random (a lost connection, a serialization failure, a deadlock, an admin shutdown).
 */
final class FailingDataSource implements DataSource {
    private final DataSource real;
    private final AtomicReference<String> nextCommitFails = new AtomicReference<>();
    private final AtomicInteger commitsToFail = new AtomicInteger();

    FailingDataSource(DataSource real) {
        this.real = real;
    }

    /** The next commit on any connection of this source throws an SQLException with {@code sqlState}. */
    void failNextCommit(String sqlState) {
        failNextCommits(sqlState, 1);
    }

    /** The next {@code times} commits throw an SQLException with {@code sqlState}. */
    void failNextCommits(String sqlState, int times) {
        nextCommitFails.set(sqlState);
        commitsToFail.set(times);
    }

    /** Commits that were made to fail and have not failed yet. */
    int failuresLeft() {
        return commitsToFail.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = real.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
                if (method.getName().equals("commit")) {
                    String state = nextCommitFails.get();
                    if (commitsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new SQLException("injected failure " + state, state);
                    }
                }
                try {
                    return method.invoke(c, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLException("not used by the writer");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
