package org.smartcamp.simulator.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smartcamp.ingest.wire.Reading;

/**
 * Writes the readings of every message, in the order they are sent, to a JSONL or long CSV file instead of a
 * broker. Resent messages are written again (as a consumer would see them). The output is the same byte for
 * byte for the same scenario and seed.
 */
public final class TelemetryFileWriter implements TelemetrySink {
    static final String CSV_HEADER = "timestamp,camp,asset,metric,value,unit,quality";
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final FileFormat format;
    private final Path file;

    /**
     * Opens {@code file} for writing, replacing it.
     *
     * @throws TelemetrySinkException when it cannot be created
     */
    public TelemetryFileWriter(Path file, FileFormat format) {
        this.file = file;
        this.format = format;
        try {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            if (format == FileFormat.CSV) {
                out.write(CSV_HEADER + "\r\n");
            }
        } catch (IOException e) {
            throw new TelemetrySinkException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(OutgoingMessage message) {
        try {
            for (Reading r : message.batch().readings()) {
                out.write(format == FileFormat.CSV ? csv(message, r) : jsonl(message, r));
            }
        } catch (IOException e) {
            throw new TelemetrySinkException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new TelemetrySinkException("cannot finish " + file + ": " + e.getMessage(), e);
        }
    }

    private static String csv(OutgoingMessage m, Reading r) {
        return String.join(",", r.ts().toString(), Csv.quote(m.address().camp()), Csv.quote(r.asset()),
            Csv.quote(r.metric()), NumberText.plain(r.value()), Csv.quote(r.unit() == null ? "" : r.unit()),
            r.quality().wireName()) + "\r\n";
    }

    private static String jsonl(OutgoingMessage m, Reading r) {
        StringWriter line = new StringWriter(200);
        try (JsonGenerator gen = JSON.createGenerator(line)) {
            gen.writeStartObject();
            gen.writeStringField("ts", r.ts().toString());
            gen.writeStringField("sent", m.batch().sent().toString());
            gen.writeStringField("mission", m.address().mission());
            gen.writeStringField("camp", m.address().camp());
            gen.writeStringField("gateway", m.address().gateway());
            gen.writeStringField("asset", r.asset());
            gen.writeStringField("metric", r.metric());
            gen.writeFieldName("value");
            gen.writeNumber(NumberText.plain(r.value()));
            if (r.unit() != null) {
                gen.writeStringField("unit", r.unit());
            }
            gen.writeStringField("quality", r.quality().wireName());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }
}
