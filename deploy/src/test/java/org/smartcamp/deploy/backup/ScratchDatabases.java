package org.smartcamp.deploy.backup;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.smartcamp.deploy.cli.SmartCamp;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.platform.DataSources;

/**
 * Whole databases of a test's own on the tests' server (a backup is of a database, not a schema), named after the
 * tests' database with a suffix, each dropped on close; and the launcher run in this JVM against one of them.
 */
final class ScratchDatabases implements AutoCloseable {
    private final List<String> created = new ArrayList<>();
    private final PgConnection server = PgConnection.of(databaseConfig(TestServices.jdbcUrl()));

    /** A name for a new database (not created): the tests' database's name, {@code purpose} and a random tail. */
    String name(String purpose) {
        String name = server.database() + "_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 6);
        created.add(name);
        return name;
    }

    /** Creates a database named after {@code purpose} and returns its name. */
    String create(String purpose) throws SQLException {
        String name = name(purpose);
        execute("CREATE DATABASE \"" + name + "\"");
        return name;
    }

    PgConnection connection(String name) {
        return server.withDatabase(name);
    }

    /** The database's settings as the launcher's configuration holds them. */
    DatabaseConfig config(String name) {
        return databaseConfig(jdbcUrl(name));
    }

    String jdbcUrl(String name) {
        return TestServices.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name);
    }

    HikariDataSource dataSource(String name) {
        return DataSources.create(new DatabaseConfig(jdbcUrl(name), TestServices.dbUser(), TestServices.dbPassword(),
            4, null), "scratch-" + name);
    }

    /** A configuration file pointing the launcher at database {@code name}. */
    Path configFile(String name) throws IOException {
        Path file = Files.createTempFile("smartcamp-" + name, ".yaml");
        Files.writeString(file, "database:\n  url: \"" + jdbcUrl(name) + "\"\n  user: \"" + TestServices.dbUser()
            + "\"\n  password: \"" + TestServices.dbPassword() + "\"\n");
        return file;
    }

    /** What the launcher returned and printed. */
    record Run(int exit, String out, String err) {
    }

    /** Runs {@code smartcamp args} in this JVM (it prints to System.out and System.err, captured here). */
    static synchronized Run smartcamp(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new java.io.ByteArrayOutputStream();
        var errBytes = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = SmartCamp.run(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(outBytes.toString(StandardCharsets.UTF_8));
            err.print(errBytes.toString(StandardCharsets.UTF_8));
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = server.withDatabase(Databases.MAINTENANCE).connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        for (String name : created) {
            execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }

    private static DatabaseConfig databaseConfig(String url) {
        return new DatabaseConfig(url, TestServices.dbUser(), TestServices.dbPassword(), 1, null);
    }
}
