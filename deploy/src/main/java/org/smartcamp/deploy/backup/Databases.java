package org.smartcamp.deploy.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/** Creating, emptying and inspecting the database a backup is restored into. */
final class Databases {
    /** The database every PostgreSQL server has, to create and drop others from. */
    static final String MAINTENANCE = "postgres";
    private static final String NO_SUCH_DATABASE = "3D000";
    private static final String IN_USE = "55006";

    private Databases() {
    }

    /**
     * Makes sure {@code target} exists and, with {@code clean}, that it is new: creates it when missing (from
     * {@code template0}, as PostgreSQL advises for a restore), drops and creates it again when {@code clean}.
     *
     * @return whether the database was created
     * @throws BackupException when it cannot be created or dropped (no privilege, in use)
     */
    static boolean prepare(PgConnection target, boolean clean, Consumer<String> progress) throws SQLException {
        boolean exists = exists(target);
        if (exists && !clean) {
            return false;
        }
        String name = quote(target.database());
        try (Connection c = target.withDatabase(MAINTENANCE).connect(); Statement s = c.createStatement()) {
            if (exists) {
                progress.accept("--clean: dropping database " + target.database());
                s.execute("DROP DATABASE " + name);
            }
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
            progress.accept("created database " + target.database());
            return true;
        } catch (SQLException e) {
            if (IN_USE.equals(e.getSQLState())) {
                throw new BackupException("--clean: database " + target.database() + " is in use: stop the SmartCamp "
                    + "processes (and other sessions) connected to it first", e);
            }
            throw new BackupException("cannot " + (exists ? "drop and create" : "create") + " database "
                + target.database() + " (through database " + MAINTENANCE + "): " + e.getMessage()
                + "; create an empty one yourself and restore into it", e);
        }
    }

    /**
     * Refuses a database that holds tables.
     *
     * @throws BackupException naming a few of them
     */
    static void requireEmpty(Connection c, String name) throws SQLException {
        List<String> tables = TableChecksums.tables(c, false);
        if (!tables.isEmpty()) {
            throw new BackupException("target database " + name + " is not empty (" + tables.size() + " table(s), "
                + "e.g. " + String.join(", ", tables.subList(0, Math.min(3, tables.size()))) + "): restore into a "
                + "new or empty database, or pass --clean to drop and create it again");
        }
    }

    private static boolean exists(PgConnection target) throws SQLException {
        try (Connection c = target.connect()) {
            return true;
        } catch (SQLException e) {
            if (NO_SUCH_DATABASE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
