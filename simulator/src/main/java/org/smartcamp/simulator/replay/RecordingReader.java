package org.smartcamp.simulator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.smartcamp.ingest.wire.Quality;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.Csv;
import org.smartcamp.simulator.gateway.FileFormat;

/**
 * Reads a recorded telemetry file line by line, without holding it in memory: the simulator's JSONL, or long
 * CSV {@code timestamp,camp,asset,metric,value,unit,quality} with a header line (RFC 4180, ISO 8601 times).
 */
public final class RecordingReader implements Iterator<RecordedReading>, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV_HEADER = "timestamp,camp,asset,metric,value,unit,quality";

    private final String name;
    private final FileFormat format;
    private final BufferedReader in;
    private long lineNumber;
    private RecordedReading next;

    /**
     * Opens {@code file}; its format follows its extension ({@code .csv} or JSONL).
     *
     * @throws ReplayFormatException when it cannot be read or a CSV file lacks its header
     */
    public RecordingReader(Path file) {
        this.name = file.toString();
        this.format = FileFormat.of(file);
        try {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            if (format == FileFormat.CSV) {
                String header = in.readLine();
                lineNumber++;
                if (header == null || !header.strip().equals(CSV_HEADER)) {
                    throw new ReplayFormatException(name, 1, "the header must be " + CSV_HEADER);
                }
            }
        } catch (IOException e) {
            throw new ReplayFormatException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    /**
     * The next reading.
     *
     * @throws ReplayFormatException when its line is malformed
     */
    @Override
    public RecordedReading next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecordedReading r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RecordedReading read() {
        try {
            String line;
            do {
                line = in.readLine();
                lineNumber++;
            } while (line != null && line.isBlank());
            if (line == null) {
                return null;
            }
            return format == FileFormat.CSV ? csv(line) : jsonl(line);
        } catch (IOException e) {
            throw new ReplayFormatException(name, lineNumber, "cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ReplayFormatException(name, lineNumber, e.getMessage());
        }
    }

    private RecordedReading csv(String line) {
        List<String> f = Csv.split(line);
        if (f.size() != 7) {
            throw new IllegalArgumentException("expected 7 fields, found " + f.size());
        }
        Reading r = new Reading(f.get(2), f.get(3), time(f.get(0)), Double.parseDouble(f.get(4)),
            f.get(5).isEmpty() ? null : f.get(5), f.get(6).isEmpty() ? Quality.GOOD : Quality.fromWire(f.get(6)));
        return new RecordedReading(r, null, f.get(1), null, null);
    }

    private RecordedReading jsonl(String line) throws IOException {
        JsonNode n = JSON.readTree(line);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Reading r = new Reading(field(n, "asset"), field(n, "metric"), time(field(n, "ts")),
            n.path("value").asDouble(Double.NaN), n.hasNonNull("unit") ? n.get("unit").asText() : null,
            n.hasNonNull("quality") ? Quality.fromWire(n.get("quality").asText()) : Quality.GOOD);
        if (!n.path("value").isNumber()) {
            throw new IllegalArgumentException("field 'value' must be a number");
        }
        return new RecordedReading(r, text(n, "mission"), field(n, "camp"), text(n, "gateway"),
            n.hasNonNull("sent") ? time(n.get("sent").asText()) : null);
    }

    private static String field(JsonNode n, String name) {
        if (!n.hasNonNull(name)) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return n.get(name).asText();
    }

    private static String text(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).asText() : null;
    }

    private static Instant time(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
