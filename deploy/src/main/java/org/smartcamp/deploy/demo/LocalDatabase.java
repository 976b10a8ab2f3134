package org.smartcamp.deploy.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure the demo's database exists: creates it on the same server when it is missing and the user may. */
final class LocalDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDatabase.class);
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");
    private static final String UNDEFINED_DATABASE = "3D000";
    private static final String CREATE_DATABASE = "CREATE DATABASE \"%s\"";

    private LocalDatabase() {
    }

    /**
     * Connects once; when the database does not exist, creates it through the server's {@code postgres} database.
     *
     * @return whether the database was created
     * @throws StoreException with one clear sentence when the server cannot be reached, or the database is missing
     *                        and cannot be created
     */
    static boolean ensureExists(DatabaseConfig db) {
        try (Connection ignored = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            return false;
        } catch (SQLException e) {
            if (!UNDEFINED_DATABASE.equals(e.getSQLState())) {
                throw new StoreException("cannot reach the database at " + db.url() + " as user '" + db.user() + "': "
                    + e.getMessage(), e);
            }
        }
        Matcher m = URL.matcher(db.url());
        String name = m.matches() ? m.group(2) : "";
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new StoreException("database at " + db.url() + " does not exist; create it first");
        }
        String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(admin, db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(String.format(CREATE_DATABASE, name));
        } catch (SQLException e) {
            throw new StoreException("database '" + name + "' does not exist at " + db.url() + " and user '"
                + db.user() + "' cannot create it (" + e.getMessage() + "); create it with: createdb " + name, e);
        }
        LOG.info("Created database '{}'", name);
        return true;
    }
}
