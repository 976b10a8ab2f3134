package org.smartcamp.ingest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * SenML JSON (RFC 8428) records to readings. The resolved name ({@code bn + n}) is
 * {@code {asset}/{metric}}; times are seconds ({@code bt + t}), values {@code bv + v} or {@code vb}.
 * String and data values and sums are refused as unsupported.
 */
final class SenmlDecoder {
    /** RFC 8428 section 4.5.3: times below 2^28 s are relative to now. */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456d;
    private static final Set<String> KNOWN = Set.of("bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb",
        "vd", "s", "t", "ut");

    private final ReadingValidator validator;

    SenmlDecoder(ReadingValidator validator) {
        this.validator = validator;
    }

    DecodedMessage decode(TopicAddress address, JsonNode records, Instant now) {
        Base base = new Base();
        List<Reading> good = new ArrayList<>(records.size());
        List<RejectedReading> bad = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            try {
                if (!record.isObject()) {
                    throw new WireFormatException(RejectReason.WRONG_TYPE, "a SenML record must be a JSON object");
                }
                base.update(record);
                good.add(reading(record, base, now));
            } catch (WireFormatException e) {
                bad.add(new RejectedReading(i, e.reason(), "senml[" + i + "]: " + e.getMessage(),
                    JsonFields.compact(record)));
            }
        }
        return new DecodedMessage(address, PayloadFormat.SENML_JSON, null, null, good, bad);
    }

    private Reading reading(JsonNode record, Base base, Instant now) {
        checkMustUnderstand(record);
        if (record.has("vs") || record.has("vd")) {
            throw new WireFormatException(RejectReason.UNSUPPORTED_VALUE, "string and data values are not stored");
        }
        // The value first, so that a record without one (only base fields, say) is refused as missing_field.
        double value = value(record, base);
        String name = base.name + (record.has("n") ? JsonFields.text(record, "n") : "");
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            throw new WireFormatException(RejectReason.INVALID_ID,
                "SenML name '" + name + "' must be {asset}/{metric}");
        }
        String asset = validator.asset(name.substring(0, slash));
        String metric = validator.metric(name.substring(slash + 1));
        String unit = validator.unit(record.has("u") ? JsonFields.text(record, "u") : base.unit);
        Instant ts = validator.eventTime(time(record, base, now), now);
        return new Reading(asset, metric, ts, value, unit, Quality.GOOD);
    }

    private double value(JsonNode record, Base base) {
        if (record.has("vb")) {
            JsonNode vb = record.get("vb");
            if (!vb.isBoolean()) {
                throw JsonFields.wrongType("vb", "a boolean", vb);
            }
            return vb.booleanValue() ? 1.0 : 0.0;
        }
        if (record.has("v")) {
            return validator.value(base.value + JsonFields.number(record, "v"));
        }
        if (record.has("s")) {
            throw new WireFormatException(RejectReason.UNSUPPORTED_VALUE, "SenML sums are not stored");
        }
        throw new WireFormatException(RejectReason.MISSING_FIELD, "record has no value (v or vb)");
    }

    private static Instant time(JsonNode record, Base base, Instant now) {
        double t = base.time + (record.has("t") ? JsonFields.number(record, "t") : 0.0);
        if (!Double.isFinite(t)) {
            throw new WireFormatException(RejectReason.NOT_FINITE, "time is not finite");
        }
        Instant origin = t < RELATIVE_TIME_LIMIT ? now : Instant.EPOCH;
        try {
            // Exact arithmetic: a huge t must not wrap around into a plausible time.
            long micros = BigDecimal.valueOf(t).movePointRight(6).toBigInteger().longValueExact();
            return origin.plus(micros, ChronoUnit.MICROS);
        } catch (ArithmeticException | DateTimeException e) {
            throw new WireFormatException(RejectReason.TIMESTAMP_OUT_OF_WINDOW,
                "time " + t + " s is beyond any representable instant");
        }
    }

    private static void checkMustUnderstand(JsonNode record) {
        for (Iterator<String> it = record.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (field.endsWith("_") && !KNOWN.contains(field)) {
                throw new WireFormatException(RejectReason.UNSUPPORTED_VALUE,
                    "must-understand field '" + field + "' is not supported");
            }
        }
    }

    /** Base fields persist from the record that sets them to the following records (RFC 8428 4.1). */
    private static final class Base {
        String name = "";
        String unit;
        double time;
        double value;

        void update(JsonNode record) {
            if (record.has("bn")) {
                name = JsonFields.text(record, "bn");
            }
            if (record.has("bu")) {
                unit = JsonFields.text(record, "bu");
            }
            if (record.has("bt")) {
                time = JsonFields.number(record, "bt");
            }
            if (record.has("bv")) {
                value = JsonFields.number(record, "bv");
            }
        }
    }
}
