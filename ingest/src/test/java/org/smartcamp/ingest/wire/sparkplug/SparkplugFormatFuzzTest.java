package org.smartcamp.ingest.wire.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartcamp.ingest.testsupport.FuzzSeeds;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.Outbox;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.ingest.wire.WireMessage;

/**
 * Coverage-guided fuzzing of the Sparkplug B decoder (Jazzer) with malformed protobuf. An input is a message type
 * (its first byte picks NBIRTH, DBIRTH, NDATA, DDATA, NDEATH or DDEATH) and a payload, decoded by a format whose
 * edge node is born with aliases 1 (node) and 2 (device): the decoder either returns readings that keep the
 * contract's invariants or refuses the message with a dead-letter reason, never anything else, and it still reads
 * a valid NBIRTH afterwards (the ingest keeps consuming). Its corpus ({@code SparkplugFormatFuzzTestInputs/sparkplug})
 * holds valid births and data encoded with Tahu's schema.
 */
class SparkplugFormatFuzzTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String GROUP = "m1";
    static final String NODE = "camp-a";
    static final String DEVICE = "gen-1";
    private static final String[] TYPES = {"NBIRTH", "DBIRTH", "NDATA", "DDATA", "NDEATH", "DDEATH"};
    private static final Set<RejectReason> WHOLE_MESSAGE = Set.of(RejectReason.MALFORMED_PROTOBUF,
        RejectReason.SPARKPLUG_REBIRTH_PENDING, RejectReason.TOO_MANY_READINGS, RejectReason.MISSING_FIELD,
        RejectReason.PAYLOAD_TOO_LARGE);

    /** A type byte and any bytes as the payload, starting from valid Sparkplug messages. */
    @FuzzTest(maxDuration = "10s")
    void sparkplug(byte[] input) {
        decode(input);
    }

    /** The corpus's seeds are valid messages, so that fuzzing starts from what the contract accepts. */
    @ParameterizedTest
    @ValueSource(strings = {"ddata.bin", "ndata.bin", "dbirth.bin"})
    void theValidSeedsDecodeToReadings(String seed) {
        DecodedMessage message = decode(FuzzSeeds.read(getClass(), "sparkplug", seed)).orElseThrow();

        assertThat(message.rejected()).isEmpty();
        assertThat(message.readings()).isNotEmpty();
    }

    /** Decodes one input against a born edge node and checks the oracle; returns what it decoded to. */
    static Optional<DecodedMessage> decode(byte[] input) {
        if (input.length == 0) {
            return Optional.empty();
        }
        SparkplugFormat format = bornFormat();
        String type = TYPES[Byte.toUnsignedInt(input[0]) % TYPES.length];
        String topic = "spBv1.0/" + GROUP + "/" + type + "/" + NODE + (type.startsWith("D") ? "/" + DEVICE : "");
        Optional<DecodedMessage> out;
        try {
            out = format.decode(WireMessage.of(topic, Arrays.copyOfRange(input, 1, input.length), NOW));
        } catch (WireFormatException e) {
            assertThat(e.reason()).as(e.getMessage()).isIn(WHOLE_MESSAGE);
            out = Optional.empty();
        }
        out.ifPresent(SparkplugFormatFuzzTest::checkReadings);
        assertThat(format.decode(WireMessage.of("spBv1.0/" + GROUP + "/NBIRTH/" + NODE, birth(7).toByteArray(),
            NOW.plusSeconds(1)))).as("the next NBIRTH is read").isPresent();
        return out;
    }

    private static void checkReadings(DecodedMessage m) {
        for (Reading r : m.readings()) {
            assertThat(Double.isFinite(r.value())).isTrue();
            assertThat(Math.abs(r.value())).isLessThanOrEqualTo(WireLimits.V1.maxAbsValue());
            assertThat(r.ts()).isBetween(NOW.minus(WireLimits.V1.maxAge()), NOW.plus(WireLimits.V1.maxFutureSkew()));
        }
        assertThat(m.readings().size() + m.rejected().size())
            .isLessThanOrEqualTo(WireLimits.V1.maxReadingsPerMessage());
    }

    /** A format whose node {@code m1/camp-a} is born (seq 1 after its DBIRTH of {@code gen-1}). */
    static SparkplugFormat bornFormat() {
        SparkplugFormat format = new SparkplugFormat(SparkplugConfig.enabled("fuzz"), SparkplugMapping.DEFAULT,
            WireLimits.V1, Clock.fixed(NOW, ZoneOffset.UTC), Outbox.NONE);
        format.decode(WireMessage.of("spBv1.0/" + GROUP + "/NBIRTH/" + NODE, birth(0).toByteArray(), NOW));
        format.decode(WireMessage.of("spBv1.0/" + GROUP + "/DBIRTH/" + NODE + "/" + DEVICE,
            deviceBirth().toByteArray(), NOW));
        return format;
    }

    static Payload birth(long bdSeq) {
        return Payload.newBuilder().setTimestamp(NOW.toEpochMilli()).setSeq(0)
            .addMetrics(Metric.newBuilder().setName("bdSeq").setDatatype(DataType.Int64.getNumber())
                .setLongValue(bdSeq))
            .addMetrics(Metric.newBuilder().setName(DEVICE + "/power.active").setAlias(1)
                .setDatatype(DataType.Double.getNumber()).setDoubleValue(40.5))
            .build();
    }

    static Payload deviceBirth() {
        return Payload.newBuilder().setTimestamp(NOW.toEpochMilli()).setSeq(1)
            .addMetrics(Metric.newBuilder().setName("fuel.level").setAlias(2)
                .setDatatype(DataType.Float.getNumber()).setFloatValue(51.5f))
            .build();
    }
}
