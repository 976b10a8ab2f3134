package org.smartcamp.ingest.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own for one test class, so tests never see each other's rows. Dropped on close.
 * Connect with {@link #url()} (its {@code currentSchema} is this schema), {@link #user()} and {@link #password()}.
 */
public final class TestDatabase implements AutoCloseable {
    private final String schema;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    /** Creates a fresh, empty schema named after {@code prefix}. */
    public static TestDatabase create(String prefix) {
        String name = ("t_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        TestDatabase db = new TestDatabase(name);
        db.executeOutside("CREATE SCHEMA " + name);
        return db;
    }

    public String schema() {
        return schema;
    }

    /** The JDBC URL with this schema first on the search path (then public, where extensions live). */
    public String url() {
        String base = TestServices.jdbcUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    public String user() {
        return TestServices.dbUser();
    }

    public String password() {
        return TestServices.dbPassword();
    }

    /** A new connection into this schema; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** Runs one SQL statement and returns the first column of the first row as a long (0 when none). */
    public long queryLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one SQL statement and returns the first column of the first row as text ({@code null} when none). */
    public String queryString(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one SQL statement in this schema. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void executeOutside(String sql) {
        try (Connection c = DriverManager.getConnection(TestServices.jdbcUrl(), TestServices.dbUser(),
                TestServices.dbPassword()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executeOutside("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
