package org.smartcamp.ingest.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Typed access to the fields of a JSON object, failing with the wire contract's reasons. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode required(JsonNode obj, String field) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            throw new WireFormatException(RejectReason.MISSING_FIELD, "field '" + field + "' is missing");
        }
        return node;
    }

    static String text(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        return node.textValue();
    }

    static String optionalText(JsonNode obj, String field) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        return node.textValue();
    }

    /** A JSON number. NaN and infinities pass through, so that the caller can refuse them as not finite. */
    static double number(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (!node.isNumber()) {
            throw wrongType(field, "a number", node);
        }
        return exactDouble(field, node);
    }

    /** A number, or a boolean read as 1/0 (running flags, pump states). NaN and infinities pass through. */
    static double numberOrBoolean(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (node.isBoolean()) {
            return node.booleanValue() ? 1.0 : 0.0;
        }
        if (!node.isNumber()) {
            throw wrongType(field, "a number or a boolean", node);
        }
        return exactDouble(field, node);
    }

    /**
     * The number as a double, refused when it is not zero but too small for a normal double: it would be stored
     * as 0 (1e-400) or with lost digits (a subnormal, below {@link Double#MIN_NORMAL}). Too large becomes
     * infinite, which the value rules refuse as not finite.
     */
    private static double exactDouble(String field, JsonNode node) {
        double value = node.doubleValue();
        if (Math.abs(value) < Double.MIN_NORMAL && node.isBigDecimal() && node.decimalValue().signum() != 0) {
            throw new WireFormatException(RejectReason.UNDERFLOW, "field '" + field + "' is " + node.decimalValue()
                + ", non-zero but smaller in magnitude than " + Double.MIN_NORMAL + "; send 0 or a larger value");
        }
        return value;
    }

    static long nonNegativeLong(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw wrongType(field, "a non-negative integer", node);
        }
        return node.longValue();
    }

    /** An RFC 3339 time string ({@code 2026-11-22T10:15:00Z}, any offset) or epoch milliseconds. */
    static Instant time(JsonNode obj, String field) {
        JsonNode node = required(obj, field);
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                throw new WireFormatException(RejectReason.WRONG_TYPE,
                    "field '" + field + "' is not an RFC 3339 time with offset: '" + node.textValue() + "'");
            }
        }
        throw wrongType(field, "an RFC 3339 string or epoch milliseconds", node);
    }

    /** The node as compact JSON text, non-finite numbers written as the bare tokens they came as. */
    static String compact(JsonNode node) {
        try {
            return TelemetryDecoder.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    static WireFormatException wrongType(String field, String expected, JsonNode node) {
        return new WireFormatException(RejectReason.WRONG_TYPE,
            "field '" + field + "' must be " + expected + ", not "
                + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
