package org.smartcamp.ingest.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes and validates telemetry messages of wire contract v1 (docs/wire-protocol.md): the SmartCamp JSON
 * batch and SenML JSON. Whole-message faults throw {@link WireFormatException}; faults of single readings
 * are returned as {@link RejectedReading}s beside the readings that passed.
 */
public final class TelemetryDecoder {
    static final JsonMapper MAPPER = JsonMapper.builder()
        // NaN/Infinity are parsed so that one bad value rejects one reading, not the whole message.
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // A refused NaN reading is kept as NaN, not as the string "NaN" that would hide why it was refused.
        .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
        // Numbers with a fraction or exponent are kept exact, so that 1e-400 is refused as underflow, not read as 0.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    private final WireLimits limits;
    private final Clock clock;
    private final ReadingValidator validator;
    private final SenmlDecoder senml;
    private final StreamingBatchDecoder streaming;
    private final AsciiBatchDecoder ascii;

    public TelemetryDecoder(WireLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
        this.validator = new ReadingValidator(limits);
        this.senml = new SenmlDecoder(validator);
        this.streaming = new StreamingBatchDecoder(limits, validator);
        this.ascii = new AsciiBatchDecoder(limits, validator);
    }

    /**
     * Decodes one message.
     *
     * @return the valid readings and the rejected ones
     * @throws WireFormatException when the topic, the size or the payload as a whole breaks the contract
     */
    public DecodedMessage decode(String topic, byte[] payload) {
        return decode(topic, payload, true);
    }

    /** Decodes one message, with the streaming fast path or with the tree alone (tests compare the two). */
    DecodedMessage decode(String topic, byte[] payload, boolean fastPath) {
        TopicAddress address = TopicAddress.parse(topic);
        if (payload.length > limits.maxPayloadBytes()) {
            throw new WireFormatException(RejectReason.PAYLOAD_TOO_LARGE,
                "payload of " + payload.length + " bytes exceeds the limit of " + limits.maxPayloadBytes());
        }
        Instant now = clock.instant();
        // a batch without a fault goes the fast way: read by hand from its bytes when they are printable ASCII in
        // the usual shape, else with the streaming parser, from its bytes when they are plain ASCII (so UTF-8 that
        // the strict decoding below accepts as it is); everything else through the tree, which names each fault
        DecodedMessage fast = !fastPath ? null : ascii.decode(address, payload, now);
        if (fast == null && fastPath) {
            fast = PayloadText.isPlainAscii(payload) ? streaming.decode(address, payload, now)
                : streaming.decode(address, PayloadText.decode(payload), now);
        }
        if (fast != null) {
            return fast;
        }
        JsonNode root = parse(PayloadText.decode(payload));
        if (root.isArray()) {
            checkCount(root.size());
            return senml.decode(address, root, now);
        }
        if (root.isObject()) {
            return decodeBatch(address, root, now);
        }
        throw new WireFormatException(RejectReason.MALFORMED_JSON,
            "payload must be a JSON object (SmartCamp batch) or array (SenML), not " + root.getNodeType());
    }

    private DecodedMessage decodeBatch(TopicAddress address, JsonNode root, Instant now) {
        long seq = JsonFields.nonNegativeLong(root, "seq");
        Instant sent = validator.sentTime(JsonFields.time(root, "sent"), now);
        JsonNode readings = JsonFields.required(root, "readings");
        if (!readings.isArray()) {
            throw JsonFields.wrongType("readings", "an array", readings);
        }
        checkCount(readings.size());
        List<Reading> good = new ArrayList<>(readings.size());
        List<RejectedReading> bad = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            JsonNode node = readings.get(i);
            try {
                good.add(reading(node, now));
            } catch (WireFormatException e) {
                bad.add(new RejectedReading(i, e.reason(), "readings[" + i + "]: " + e.getMessage(),
                    JsonFields.compact(node)));
            }
        }
        return new DecodedMessage(address, PayloadFormat.SMARTCAMP_JSON, seq, sent, good, bad);
    }

    private Reading reading(JsonNode node, Instant now) {
        if (!node.isObject()) {
            throw new WireFormatException(RejectReason.WRONG_TYPE, "a reading must be a JSON object");
        }
        String asset = validator.asset(JsonFields.text(node, "asset"));
        String metric = validator.metric(JsonFields.text(node, "metric"));
        Instant ts = validator.eventTime(JsonFields.time(node, "ts"), now);
        double value = validator.value(JsonFields.numberOrBoolean(node, "value"));
        String unit = validator.unit(JsonFields.optionalText(node, "unit"));
        String quality = JsonFields.optionalText(node, "quality");
        Quality q;
        try {
            q = quality == null ? Quality.GOOD : Quality.fromWire(quality);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(RejectReason.WRONG_TYPE, e.getMessage());
        }
        return new Reading(asset, metric, ts, value, unit, q);
    }

    private void checkCount(int count) {
        if (count > limits.maxReadingsPerMessage()) {
            throw new WireFormatException(RejectReason.TOO_MANY_READINGS,
                count + " readings exceed the limit of " + limits.maxReadingsPerMessage() + " per message");
        }
    }

    private static JsonNode parse(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode root = MAPPER.readTree(parser);
            if (root == null || parser.nextToken() != null) {
                throw new WireFormatException(RejectReason.MALFORMED_JSON,
                    root == null ? "payload is empty" : "payload has content after the JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new WireFormatException(RejectReason.MALFORMED_JSON, "payload is not valid JSON: "
                + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WireFormatException(RejectReason.MALFORMED_JSON, "payload could not be read: " + e.getMessage());
        } catch (NumberFormatException e) {
            // an exponent beyond what even an exact decimal holds (1e-2147483648): no reading could carry it
            throw new WireFormatException(RejectReason.OUT_OF_RANGE, "payload holds a number beyond any representable"
                + " range: " + e.getMessage());
        }
    }
}
