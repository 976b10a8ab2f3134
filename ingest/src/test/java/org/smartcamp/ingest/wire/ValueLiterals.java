package org.smartcamp.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of each reading's {@code value} literal in a SmartCamp JSON batch, as it was sent: only the text tells
 * {@code 1e-400} (which no double holds) from {@code 0}. For a payload the decoder accepted, so well-formed.
 */
final class ValueLiterals {
    private ValueLiterals() {
    }

    /** One entry per element of {@code readings}: the number's text, or {@code null} when it is not a number. */
    static List<String> of(String json) {
        try (JsonParser p = TelemetryDecoder.MAPPER.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = p.nextToken();
                if ("readings".equals(p.currentName()) && value == JsonToken.START_ARRAY) {
                    return readings(p);
                }
                p.skipChildren();
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a number's text is not a zero, whatever its exponent. */
    static boolean nonZero(String literal) {
        String mantissa = literal.split("[eE]", 2)[0];
        return mantissa.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    private static List<String> readings(JsonParser p) throws IOException {
        List<String> literals = new ArrayList<>();
        for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken()) {
            String literal = null;
            if (element == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonToken value = p.nextToken();
                    if ("value".equals(p.currentName()) && value.isNumeric()) {
                        literal = p.getText();
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            literals.add(literal);
        }
        return literals;
    }
}
