package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What every decoded message must be, whatever the payload: the oracle of the decoder fuzz targets. A payload
 * is either refused whole with a {@link WireFormatException}, or every element of it (a reading, a SenML record)
 * comes back as exactly one accepted or one rejected reading; what is accepted keeps the wire contract (ids,
 * units, finite values within the limit, event times in the window, no value that underflowed to 0, a UTF-8
 * payload) and survives encoding and decoding again unchanged. Any other exception is a finding.
 */
final class DecodeOracle {
    /** Reads the payload again, without the decoder's strictness: only its structure is wanted. */
    private static final JsonMapper PLAIN = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();

    private DecodeOracle() {
    }

    /**
     * Decodes {@code payload} on the fixtures' topic and clock and checks the result.
     *
     * @return the decoded message, or {@code null} when the payload was refused whole
     */
    static DecodedMessage decode(byte[] payload) {
        DecodedMessage message;
        try {
            message = WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload);
        } catch (WireFormatException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            WireFormatException tree = catchTree(payload);
            assertThat(tree).as("the tree decoder refuses it whole too").isNotNull();
            assertThat(e.reason()).isEqualTo(tree.reason());
            assertThat(e.getMessage()).isEqualTo(tree.getMessage());
            return null;
        }
        assertThat(catchTree(payload)).as("the tree decoder accepts it too").isNull();
        assertThat(message).as("the streaming fast path decodes as the tree decoder does")
            .isEqualTo(WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload, false));
        check(payload, message);
        return message;
    }

    /** What the tree decoder alone (no streaming fast path) refuses the payload with; null when it decodes it. */
    private static WireFormatException catchTree(byte[] payload) {
        try {
            WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload, false);
            return null;
        } catch (WireFormatException e) {
            return e;
        }
    }

    private static void check(byte[] payload, DecodedMessage message) {
        String text = utf8(payload);
        JsonNode root = tree(text);
        JsonNode elements = root.isArray() ? root : root.get("readings");
        PayloadFormat format = root.isArray() ? PayloadFormat.SENML_JSON : PayloadFormat.SMARTCAMP_JSON;
        assertThat(message.format()).isEqualTo(format);
        assertThat(message.readings().size() + message.rejected().size())
            .as("every element is accepted or rejected, once").isEqualTo(elements.size());
        Set<Integer> rejectedAt = new HashSet<>();
        for (RejectedReading r : message.rejected()) {
            assertThat(r.index()).isBetween(0, elements.size() - 1);
            assertThat(rejectedAt.add(r.index())).as("element %d rejected once", r.index()).isTrue();
            assertThat(r.reason()).isNotNull();
            assertThat(r.detail()).isNotBlank();
            assertThat(r.raw()).isNotNull();
        }
        List<String> literals = format == PayloadFormat.SMARTCAMP_JSON ? ValueLiterals.of(text) : null;
        int next = 0;
        for (Reading reading : message.readings()) {
            while (rejectedAt.contains(next)) {
                next++;
            }
            checkReading(reading, literals == null ? null : literals.get(next));
            next++;
        }
        assertRoundTrip(message);
    }

    private static void checkReading(Reading r, String literal) {
        assertThat(r.asset()).matches(TopicAddress.ID);
        assertThat(r.metric()).matches(ReadingValidator.METRIC);
        if (r.unit() != null) {
            assertThat(r.unit()).matches(ReadingValidator.UNIT);
        }
        assertThat(Double.isFinite(r.value())).as("finite value %s", r.value()).isTrue();
        assertThat(Math.abs(r.value())).isLessThanOrEqualTo(WireLimits.V1.maxAbsValue());
        Instant now = WireFixtures.NOW;
        assertThat(r.ts()).isBetween(now.minus(WireLimits.V1.maxAge()), now.plus(WireLimits.V1.maxFutureSkew()));
        if (literal != null && ValueLiterals.nonZero(literal)) {
            assertThat(r.value()).as("the nonzero literal %s accepted as 0", literal).isNotZero();
        }
    }

    /** What was accepted is sent again as a gateway would send it: the same readings come back, none refused. */
    private static void assertRoundTrip(DecodedMessage message) {
        long seq = message.seq() == null ? 0 : message.seq();
        Instant sent = message.sent() == null ? WireFixtures.NOW : message.sent();
        byte[] again = TelemetryEncoder.encode(new TelemetryBatch(seq, sent, message.readings()));
        DecodedMessage decoded = WireFixtures.DECODER.decode(WireFixtures.TOPIC, again);
        assertThat(decoded.rejected()).as("re-encoded readings refused").isEmpty();
        assertThat(decoded.readings()).isEqualTo(message.readings());
        assertThat(decoded.seq()).isEqualTo(seq);
        assertThat(decoded.sent()).isEqualTo(sent);
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("a payload that is not UTF-8 was accepted (" + e + ")", e);
        }
    }

    /** The payload read as the text it is in UTF-8: a UTF-16 payload or a byte order mark makes it not JSON. */
    private static JsonNode tree(String text) {
        try {
            return PLAIN.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the decoder accepted a payload that is not UTF-8 JSON text: "
                + e.getOriginalMessage(), e);
        }
    }
}
