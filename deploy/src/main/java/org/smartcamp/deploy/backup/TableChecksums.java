package org.smartcamp.deploy.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Row counts and checksums of every table of a database, computed in SQL in the caller's transaction (so in its
 * snapshot). A table's checksum is the sum, over its rows, of the first 64 bits of the MD5 of the row's text: it
 * reads each row once, in any order, holds nothing but the running sum (tables of any size), and changes when any
 * value of any row changes, a row goes missing or one is doubled. The rows' text depends on session settings, which
 * {@link #prepare} fixes.
 */
public final class TableChecksums {
    /** How a checksum is computed, written into the manifest so that a later reader knows what it compares. */
    public static final String METHOD = "sum of the first 64 bits of md5(row::text) over the table's rows, with "
        + "TimeZone UTC, DateStyle ISO, IntervalStyle postgres, extra_float_digits 1, bytea_output hex";
    /**
     * The tables SmartCamp's data lives in: ordinary and partitioned tables (not their partitions, which the parent
     * reads) outside the system schemas and TimescaleDB's own (a hypertable's chunks are read through the
     * hypertable), and not the configuration tables of extensions.
     */
    private static final String TABLES = "SELECT n.nspname, c.relname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
        + " AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
        + " AND n.nspname NOT LIKE '\\_timescaledb%' AND n.nspname NOT LIKE 'timescaledb\\_%'"
        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
        + " AND d.deptype = 'e')";
    /** TimescaleDB's continuous aggregates: views whose rows live in a hidden hypertable. */
    private static final String CONTINUOUS_AGGREGATES = "SELECT view_schema, view_name"
        + " FROM timescaledb_information.continuous_aggregates";
    private static final String SUM = "SELECT count(*), coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)"
        + "::bigint::numeric), 0)::text FROM %s AS t";

    private TableChecksums() {
    }

    /** One table's figures; {@code name} is {@code schema.table}. */
    public record TableSum(String name, long rows, String checksum) {
    }

    /** Fixes the settings that a row's text depends on, for this session. */
    static void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET DateStyle = 'ISO, YMD'");
            s.execute("SET IntervalStyle = 'postgres'");
            s.execute("SET extra_float_digits = 1");
            s.execute("SET bytea_output = 'hex'");
        }
    }

    /**
     * The tables of the database ({@code schema.table}, sorted), with TimescaleDB's continuous aggregates when
     * {@code timescale} is true.
     */
    static List<String> tables(Connection c, boolean timescale) throws SQLException {
        List<String> out = names(c, TABLES);
        if (timescale) {
            out.addAll(names(c, CONTINUOUS_AGGREGATES));
        }
        out.sort(null);
        return out;
    }

    /** The count and checksum of {@code table} ({@code schema.table}, as {@link #tables} names it). */
    static TableSum sum(Connection c, String table) throws SQLException {
        String[] parts = table.split("\\.", 2);
        String quoted = quote(parts[0]) + "." + quote(parts[1]);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(String.format(SUM, quoted))) {
            rs.next();
            return new TableSum(table, rs.getLong(1), rs.getString(2));
        }
    }

    /** Every table's figures, in {@link #tables}' order. */
    static List<TableSum> all(Connection c, boolean timescale) throws SQLException {
        prepare(c);
        List<TableSum> out = new ArrayList<>();
        for (String table : tables(c, timescale)) {
            out.add(sum(c, table));
        }
        return out;
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return out;
    }

    /** An identifier quoted for SQL (names come from the catalogue, never from a user). */
    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
