package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.smartcamp.analytics.fuel.Delivery;
import org.smartcamp.analytics.store.DeliveryStore;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smartcamp deliveries FILE.csv}: records fuel delivery notes, against which the analytics reconcile the
 * refuels they measure (short fills). A file with any bad line is refused whole, every bad line named.
 */
@Command(name = "deliveries", description = "Record fuel deliveries from a CSV file with the header "
    + "tank_id,delivered_at,litres,reference (delivered_at in ISO 8601 UTC, e.g. 2026-11-20T09:30:00Z; reference "
    + "optional; an optional camp_id column names the tank's camp, needed when several camps have a tank of that "
    + "id). A delivery of the same tank and time replaces the one recorded. The analytics reconcile the "
    + "refuels they measure against these notes (short fills).")
final class DeliveriesCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("tank_id", "delivered_at", "litres", "reference");
    private static final int MAX_ERRORS = 20;

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "FILE", description = "The CSV file of delivery notes.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DeliveryStore.Note> deliveries = parse(file);
        DatabaseConfig db = IngestSettings.database(config.load());
        try (HikariDataSource ds = DataSources.open(db, "smartcamp-deliveries", false)) {
            int n;
            try {
                n = new DeliveryStore(ds).record(deliveries);
            } catch (IllegalArgumentException e) {
                throw new CommandException(file + ": " + e.getMessage() + "; nothing recorded");
            }
            spec.commandLine().getOut().println("deliveries recorded: " + n);
        }
        return 0;
    }

    /** The deliveries of {@code file}, or a {@link CommandException} listing its bad lines. */
    static List<DeliveryStore.Note> parse(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, format)) {
            List<String> missing = HEADER.subList(0, 3).stream().filter(h -> !csv.getHeaderNames().contains(h))
                .toList();
            if (!missing.isEmpty()) {
                throw new CommandException(file + ": the header must name " + String.join(",", HEADER)
                    + " (missing " + String.join(", ", missing) + ")");
            }
            List<DeliveryStore.Note> out = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (CSVRecord r : csv) {
                try {
                    String reference = r.isMapped("reference") && r.isSet("reference") ? r.get("reference") : "";
                    String camp = r.isMapped("camp_id") && r.isSet("camp_id") ? r.get("camp_id") : "";
                    out.add(new DeliveryStore.Note(camp.isEmpty() ? null : camp, new Delivery(required(r, "tank_id"),
                        Instant.parse(required(r, "delivered_at")), Double.parseDouble(required(r, "litres")),
                        reference.isEmpty() ? null : reference)));
                } catch (NumberFormatException e) {
                    errors.add("line " + r.getRecordNumber() + ": litres is not a number");
                } catch (DateTimeParseException e) {
                    errors.add("line " + r.getRecordNumber() + ": delivered_at is not an ISO 8601 UTC time such as "
                        + "2026-11-20T09:30:00Z");
                } catch (IllegalArgumentException e) {
                    errors.add("line " + r.getRecordNumber() + ": " + e.getMessage());
                }
            }
            if (!errors.isEmpty()) {
                throw new CommandException(file + ": " + errors.size() + " bad line(s), nothing recorded: "
                    + String.join("; ", errors.subList(0, Math.min(MAX_ERRORS, errors.size()))));
            }
            if (out.isEmpty()) {
                throw new CommandException(file + ": no deliveries in the file");
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CommandException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String required(CSVRecord r, String column) {
        String v = r.isSet(column) ? r.get(column) : "";
        if (v.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return v;
    }
}
