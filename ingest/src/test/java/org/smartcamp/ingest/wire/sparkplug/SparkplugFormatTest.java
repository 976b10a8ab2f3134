package org.smartcamp.ingest.wire.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smartcamp.ingest.wire.sparkplug.SparkplugFormatFuzzTest.DEVICE;
import static org.smartcamp.ingest.wire.sparkplug.SparkplugFormatFuzzTest.NOW;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.GatewayStatus;
import org.smartcamp.ingest.wire.Outgoing;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.ingest.wire.WireMessage;

class SparkplugFormatTest {
    private static final String NODE_TOPIC = "spBv1.0/m1/%s/camp-a";
    private static final String DEVICE_TOPIC = "spBv1.0/m1/%s/camp-a/" + DEVICE;
    private final List<Outgoing> sent = new ArrayList<>();

    @Test
    void theSequenceWrapsFrom255To0() {
        SparkplugFormat format = born();
        for (int seq = 2; seq <= 255; seq++) {
            assertThat(data(format, seq, 1.0)).isPresent();
        }
        assertThat(data(format, 0, 2.0).orElseThrow().readings()).hasSize(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void aGapRequestsOneRebirthPerIntervalAndDeadLettersUntilTheNextBirth() {
        SparkplugFormat format = born();
        assertRebirthPending(() -> data(format, 5, 1.0));
        assertRebirthPending(() -> data(format, 6, 1.0));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).topic()).isEqualTo("spBv1.0/m1/NCMD/camp-a");
        assertThat(format.decode(message(NODE_TOPIC, "NBIRTH", SparkplugFormatFuzzTest.birth(1)))).isPresent();
        assertRebirthPending(() -> data(format, 1, 1.0));
        assertThat(sent).as("the device was not born again yet: a second request waits for the interval").hasSize(1);
    }

    @Test
    void aRepeatedMessageIsTakenOnce() {
        SparkplugFormat format = born();
        WireMessage m = message(DEVICE_TOPIC, "DDATA", ddata(2, 3.0));
        assertThat(format.decode(m)).isPresent();
        assertThat(format.decode(m)).as("a redelivery of a message taken").isEmpty();
        assertThat(data(format, 3, 4.0)).isPresent();
    }

    @Test
    void aRestoredSessionContinuesItsSequenceAndRecognisesCommittedMessages() {
        SparkplugFormat first = born();
        WireMessage m = message(DEVICE_TOPIC, "DDATA", ddata(2, 3.0));
        DecodedMessage taken = first.decode(m).orElseThrow();

        SparkplugFormat restarted = format();
        restarted.restore(Map.of(taken.session().key(), taken.session().json()), List.of(taken.session().digest()));

        assertThat(restarted.decode(m)).as("redelivered after the restart").isEmpty();
        assertThat(data(restarted, 3, 5.0).orElseThrow().readings().get(0).value()).isEqualTo(5.0);
        assertThat(sent).isEmpty();
    }

    @Test
    void anNdeathOfAnOlderSessionIsIgnoredAndOneOfTheCurrentTakesTheNodeOffline() {
        SparkplugFormat format = born();
        assertThat(format.decode(message(NODE_TOPIC, "NDEATH", death(5)))).isEmpty();
        DecodedMessage death = format.decode(message(NODE_TOPIC, "NDEATH", death(0))).orElseThrow();
        assertThat(death.status()).isEqualTo(GatewayStatus.OFFLINE);
        assertRebirthPending(() -> data(format, 2, 1.0));
    }

    @Test
    void valuesAreReadByTheirDatatype() {
        SparkplugFormat format = born();
        Payload p = Payload.newBuilder().setTimestamp(NOW.toEpochMilli()).setSeq(2)
            .addMetrics(Metric.newBuilder().setName("count.a").setDatatype(DataType.UInt32.getNumber())
                .setIntValue(-1))
            .addMetrics(Metric.newBuilder().setName("count.b").setDatatype(DataType.Int8.getNumber()).setIntValue(-1))
            .addMetrics(Metric.newBuilder().setName("on.off").setDatatype(DataType.Boolean.getNumber())
                .setBooleanValue(true))
            .addMetrics(Metric.newBuilder().setName("label").setDatatype(DataType.String.getNumber())
                .setStringValue("x"))
            .build();
        DecodedMessage m = format.decode(message(DEVICE_TOPIC, "DDATA", p)).orElseThrow();
        assertThat(m.readings()).extracting(r -> r.value()).containsExactly(4_294_967_295.0, -1.0, 1.0);
        assertThat(m.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
            .isEqualTo(RejectReason.UNSUPPORTED_VALUE));
    }

    @Test
    void anUnknownAliasRefusesItsMetricOnly() {
        SparkplugFormat format = born();
        Payload p = Payload.newBuilder().setTimestamp(NOW.toEpochMilli()).setSeq(2)
            .addMetrics(Metric.newBuilder().setAlias(1).setDoubleValue(1.0))
            .addMetrics(Metric.newBuilder().setAlias(2).setFloatValue(2f)).build();
        DecodedMessage m = format.decode(message(DEVICE_TOPIC, "DDATA", p)).orElseThrow();
        assertThat(m.readings()).singleElement().satisfies(r -> assertThat(r.metric()).isEqualTo("fuel.level"));
        assertThat(m.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
            .as("alias 1 is the node's, not the device's").isEqualTo(RejectReason.SPARKPLUG_UNKNOWN_ALIAS));
    }

    private void assertRebirthPending(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(WireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.SPARKPLUG_REBIRTH_PENDING));
    }

    private SparkplugFormat format() {
        return new SparkplugFormat(SparkplugConfig.enabled("test"), SparkplugMapping.DEFAULT, WireLimits.V1,
            Clock.fixed(NOW, ZoneOffset.UTC), sent::add);
    }

    private SparkplugFormat born() {
        SparkplugFormat format = format();
        format.decode(message(NODE_TOPIC, "NBIRTH", SparkplugFormatFuzzTest.birth(0)));
        format.decode(message(DEVICE_TOPIC, "DBIRTH", SparkplugFormatFuzzTest.deviceBirth()));
        return format;
    }

    private static Optional<DecodedMessage> data(SparkplugFormat format, int seq, double value) {
        return format.decode(message(DEVICE_TOPIC, "DDATA", ddata(seq, value)));
    }

    private static Payload ddata(int seq, double value) {
        return Payload.newBuilder().setTimestamp(NOW.toEpochMilli()).setSeq(seq)
            .addMetrics(Metric.newBuilder().setAlias(2).setFloatValue((float) value)
                .setTimestamp(NOW.toEpochMilli() - seq)).build();
    }

    private static Payload death(long bdSeq) {
        return Payload.newBuilder().setTimestamp(NOW.toEpochMilli()).addMetrics(Metric.newBuilder().setName("bdSeq")
            .setDatatype(DataType.Int64.getNumber()).setLongValue(bdSeq)).build();
    }

    private static WireMessage message(String topic, String type, Payload p) {
        return WireMessage.of(topic.formatted(type), p.toByteArray(), NOW);
    }
}
