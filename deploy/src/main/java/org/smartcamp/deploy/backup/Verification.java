package org.smartcamp.deploy.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a database against a backup's {@link Manifest}: every table of the manifest must be there with the same
 * row count and checksum, and no other table may be, all read in one snapshot.
 */
public final class Verification {
    private static final int NAMED = 5;

    private final PgConnection database;

    public Verification(PgConnection database) {
        this.database = database;
    }

    /** What was compared: tables and rows, and how long it took. */
    public record Report(int tables, long rows, double seconds) {
    }

    /**
     * Compares.
     *
     * @throws BackupException naming the tables that differ (up to five, and how many in all)
     */
    public Report check(Manifest manifest) {
        long started = System.nanoTime();
        try (Connection c = database.connect()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            TableChecksums.prepare(c);
            Set<String> present = new HashSet<>(TableChecksums.tables(c, Manifest.TIMESCALEDB.equals(
                manifest.engine())));
            List<String> differences = new ArrayList<>();
            long rows = 0;
            for (TableChecksums.TableSum expected : manifest.tables()) {
                if (!present.remove(expected.name())) {
                    differences.add("table " + expected.name() + " is missing");
                    continue;
                }
                TableChecksums.TableSum actual = TableChecksums.sum(c, expected.name());
                rows += actual.rows();
                String difference = difference(expected, actual);
                if (difference != null) {
                    differences.add(difference);
                }
            }
            present.stream().sorted().forEach(t -> differences.add("table " + t + " is not in the backup"));
            c.commit();
            if (!differences.isEmpty()) {
                throw new BackupException("verification failed: database " + database.database() + " differs from "
                    + "the backup's manifest: " + String.join("; ", differences.subList(0, Math.min(NAMED,
                    differences.size()))) + (differences.size() > NAMED ? "; and " + (differences.size() - NAMED)
                    + " more" : ""));
            }
            return new Report(manifest.tables().size(), rows, Backup.seconds(started));
        } catch (SQLException e) {
            throw new BackupException("cannot verify database " + database.database() + ": " + e.getMessage(), e);
        }
    }

    /** One sentence naming the table when it differs, else {@code null}. */
    static String difference(TableChecksums.TableSum expected, TableChecksums.TableSum actual) {
        if (expected.rows() != actual.rows()) {
            return "table " + expected.name() + " has " + actual.rows() + " rows, the backup " + expected.rows();
        }
        if (!expected.checksum().equals(actual.checksum())) {
            return "table " + expected.name() + " has the backup's " + expected.rows() + " rows but another checksum "
                + "(a value differs)";
        }
        return null;
    }
}
