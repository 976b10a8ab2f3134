package org.smartcamp.deploy.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.smartcamp.ingest.store.DatabaseConfig;

/**
 * SmartCamp's database settings (a JDBC URL, user and password) as the PostgreSQL client tools take them: libpq's
 * environment variables ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGSSLMODE}, ...) and, for the
 * password, a password file of the owner's only ({@code PGPASSFILE}), so that no secret is ever on a command line.
 */
public final class PgConnection {
    /** JDBC URL parameters that libpq knows under another name. */
    private static final Map<String, String> LIBPQ_NAMES = Map.of("sslmode", "PGSSLMODE", "sslrootcert",
        "PGSSLROOTCERT", "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY", "connectTimeout", "PGCONNECT_TIMEOUT",
        "options", "PGOPTIONS");

    private final DatabaseConfig config;
    private final String database;
    private final Map<String, String> environment;

    private PgConnection(DatabaseConfig config, String database, Map<String, String> environment) {
        this.config = config;
        this.database = database;
        this.environment = environment;
    }

    /**
     * The tools' settings for {@code config}.
     *
     * @throws BackupException when the URL is not a PostgreSQL JDBC URL with a database name
     */
    public static PgConnection of(DatabaseConfig config) {
        Properties p = Driver.parseURL(config.url(), null);
        if (p == null || p.getProperty("PGDBNAME", "").isBlank()) {
            throw new BackupException("database.url '" + config.url() + "' is not a jdbc:postgresql://host:port/"
                + "database URL naming a database");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", p.getProperty("PGHOST", "localhost"));
        env.put("PGPORT", p.getProperty("PGPORT", "5432"));
        String user = config.user().isBlank() ? p.getProperty("user", "") : config.user();
        if (!user.isBlank()) {
            env.put("PGUSER", user);
        }
        LIBPQ_NAMES.forEach((jdbc, libpq) -> {
            if (p.getProperty(jdbc) != null) {
                env.put(libpq, p.getProperty(jdbc));
            }
        });
        String password = config.password().isEmpty() ? p.getProperty("password", "") : config.password();
        return new PgConnection(new DatabaseConfig(config.url(), user, password, 1, null), p.getProperty("PGDBNAME"),
            Map.copyOf(env));
    }

    /** The database's name. */
    public String database() {
        return database;
    }

    /** The libpq variables, without the password (which only {@link #passwordFile()} holds). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The same server and credentials, another database (for creating and dropping one, or restoring into it). */
    public PgConnection withDatabase(String name) {
        String url = config.url().replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name);
        if (url.equals(config.url()) && !name.equals(database)) {
            throw new BackupException("cannot name another database in '" + config.url() + "'");
        }
        return new PgConnection(new DatabaseConfig(url, config.user(), config.password(), 1, null), name,
            environment);
    }

    /** A JDBC connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(config.url(), config.user(), config.password());
    }

    /** A data source of single connections to this database (for Flyway). */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.url());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        return ds;
    }

    /**
     * A password file (readable by its owner only) for the tools' {@code PGPASSFILE}, or {@code null} when there is
     * no password (trust or peer authentication, or the user's own {@code ~/.pgpass}). The caller deletes it.
     */
    Path passwordFile() throws IOException {
        if (config.password().isEmpty()) {
            return null;
        }
        Path file = Files.createTempFile("smartcamp-pgpass", "", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "*:*:*:*:" + config.password().replace("\\", "\\\\").replace(":", "\\:") + "\n");
        return file;
    }
}
