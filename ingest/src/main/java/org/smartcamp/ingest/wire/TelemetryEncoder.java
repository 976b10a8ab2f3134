package org.smartcamp.ingest.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes telemetry batches in the SmartCamp JSON format of wire contract v1, as gateways send them. */
public final class TelemetryEncoder {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TelemetryEncoder() {
    }

    /** The JSON payload of {@code batch}, UTF-8. */
    public static byte[] encode(TelemetryBatch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + batch.readings().size() * 110);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("seq", batch.seq());
            gen.writeStringField("sent", batch.sent().toString());
            gen.writeArrayFieldStart("readings");
            for (Reading r : batch.readings()) {
                writeReading(gen, r);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One reading as a JSON object, UTF-8: how a refused reading is kept in the dead-letter table. */
    public static byte[] encodeReading(Reading reading) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            writeReading(gen, reading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeReading(JsonGenerator gen, Reading r) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("asset", r.asset());
        gen.writeStringField("metric", r.metric());
        gen.writeStringField("ts", r.ts().toString());
        gen.writeNumberField("value", r.value());
        if (r.unit() != null) {
            gen.writeStringField("unit", r.unit());
        }
        if (r.quality() != Quality.GOOD) {
            gen.writeStringField("quality", r.quality().wireName());
        }
        gen.writeEndObject();
    }
}
