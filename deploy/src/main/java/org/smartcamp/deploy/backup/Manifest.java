package org.smartcamp.deploy.backup;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written beside the dump as JSON: who made it from what (SmartCamp's version, the schema
 * version Flyway recorded, the engine and server), the dump file's size and SHA-256, every table's row count and
 * checksum in the dump's own snapshot, and how long it took. {@code smartcamp restore} checks a restored database
 * against it.
 *
 * @param format            this file's layout version ({@link #FORMAT})
 * @param smartcampVersion  the SmartCamp that made the backup
 * @param createdAt         when the snapshot was taken
 * @param database          the database's name
 * @param serverVersion     PostgreSQL's {@code server_version_num} (e.g. 150004)
 * @param engine            {@code timescaledb} or {@code postgresql}
 * @param timescaledb       the TimescaleDB extension's version, or {@code null}
 * @param schemaVersion     the latest successful Flyway migration, or {@code null} when the schema has none
 * @param pgDump            what {@code pg_dump --version} printed
 * @param dumpFile          the dump's file name (it sits beside this manifest)
 * @param dumpBytes         its size
 * @param dumpSha256        its SHA-256, hexadecimal
 * @param checksumMethod    how the tables' checksums are computed ({@link TableChecksums#METHOD})
 * @param tables            every table, sorted by name
 * @param dumpSeconds       how long pg_dump ran
 * @param checksumSeconds   how long the counts and checksums took (in parallel with pg_dump)
 * @param totalSeconds      the whole backup
 */
public record Manifest(int format, String smartcampVersion, Instant createdAt, String database, int serverVersion,
                       String engine, String timescaledb, String schemaVersion, String pgDump, String dumpFile,
                       long dumpBytes, String dumpSha256, String checksumMethod, List<TableChecksums.TableSum> tables,
                       double dumpSeconds, double checksumSeconds, double totalSeconds) {
    public static final int FORMAT = 1;
    public static final String TIMESCALEDB = "timescaledb";
    public static final String POSTGRESQL = "postgresql";
    static final String SUFFIX = ".manifest.json";

    public Manifest {
        tables = List.copyOf(tables);
    }

    /** Where the manifest of {@code dump} is: beside it, its name followed by {@code .manifest.json}. */
    public static Path pathOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + SUFFIX);
    }

    /** The major PostgreSQL version of the server the backup came from (15 for 150004). */
    public int serverMajor() {
        return serverVersion / 10_000;
    }

    /** The table named {@code schema.table}, or {@code null}. */
    public TableChecksums.TableSum table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        tables.forEach(t -> list.add(new JsonObject().put("name", t.name()).put("rows", t.rows())
            .put("checksum", t.checksum())));
        return new JsonObject().put("format", format).put("smartcampVersion", smartcampVersion)
            .put("createdAt", createdAt.toString()).put("database", database).put("serverVersion", serverVersion)
            .put("engine", engine).put("timescaledb", timescaledb).put("schemaVersion", schemaVersion)
            .put("pgDump", pgDump)
            .put("dump", new JsonObject().put("file", dumpFile).put("bytes", dumpBytes).put("sha256", dumpSha256))
            .put("checksumMethod", checksumMethod).put("tables", list)
            .put("took", new JsonObject().put("dumpSeconds", dumpSeconds).put("checksumSeconds", checksumSeconds)
                .put("totalSeconds", totalSeconds));
    }

    /** Writes it, pretty-printed, to {@code file}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson().encodePrettily() + "\n");
    }

    /**
     * Reads a manifest.
     *
     * @throws BackupException when the file is missing, not JSON, of another format, or lacks a field
     */
    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("no manifest " + file + " beside the dump: smartcamp restore needs the "
                + "manifest smartcamp backup writes (a dump made otherwise can be restored with pg_restore by hand)");
        }
        try {
            return fromJson(new JsonObject(Files.readString(file)));
        } catch (IOException | DecodeException | ClassCastException | NullPointerException e) {
            throw new BackupException("manifest " + file + " is not a SmartCamp backup manifest: " + e.getMessage(),
                e);
        }
    }

    static Manifest fromJson(JsonObject j) {
        int format = j.getInteger("format");
        if (format != FORMAT) {
            throw new BackupException("manifest format " + format + " is not the one this SmartCamp reads ("
                + FORMAT + "): restore with the SmartCamp version that made the backup ("
                + j.getString("smartcampVersion") + ")");
        }
        JsonObject dump = j.getJsonObject("dump");
        JsonObject took = j.getJsonObject("took");
        List<TableChecksums.TableSum> tables = j.getJsonArray("tables").stream().map(JsonObject.class::cast)
            .map(t -> new TableChecksums.TableSum(t.getString("name"), t.getLong("rows"), t.getString("checksum")))
            .toList();
        return new Manifest(format, j.getString("smartcampVersion"), Instant.parse(j.getString("createdAt")),
            j.getString("database"), j.getInteger("serverVersion"), j.getString("engine"), j.getString("timescaledb"),
            j.getString("schemaVersion"), j.getString("pgDump"), dump.getString("file"), dump.getLong("bytes"),
            dump.getString("sha256"), j.getString("checksumMethod"), tables, took.getDouble("dumpSeconds"),
            took.getDouble("checksumSeconds"), took.getDouble("totalSeconds"));
    }
}
