package org.smartcamp.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** The ingest's bulk-reading CountingInputStream is the one Paho loads, and Paho decodes packets with it. */
class CountingInputStreamTest {

    @Test
    void pahoLoadsTheIngestsCopyNotItsOwn() throws Exception {
        Class<?> loaded = MqttWireMessage.class.getClassLoader()
            .loadClass("org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream");

        assertThat(loaded.getDeclaredMethod("read", byte[].class, int.class, int.class).getDeclaringClass())
            .as("the bulk read is overridden, so Paho's payload copies are not read a byte at a time")
            .isEqualTo(loaded);
    }

    @Test
    void countsWhatBulkAndSingleReadsReturn() throws Exception {
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[100]));

        assertThat(in.read()).isZero();
        assertThat(in.read(new byte[64], 0, 64)).isEqualTo(64);
        assertThat(in.readAllBytes()).hasSize(35);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.getCounter()).isEqualTo(100);
        in.resetCounter();
        assertThat(in.getCounter()).isZero();
    }

    @Test
    void pahoDecodesAPublishPacketThroughIt() throws Exception {
        byte[] payload = "{\"seq\":1}".repeat(1000).getBytes(StandardCharsets.UTF_8);
        MqttMessage message = new MqttMessage(payload, 1, false, new MqttProperties());
        MqttPublish publish = new MqttPublish("smartcamp/v1/m/c/g/telemetry", message, new MqttProperties());
        publish.setMessageId(7);

        MqttWireMessage decoded = MqttWireMessage.createWireMessage(publish.serialize());

        assertThat(decoded).isInstanceOf(MqttPublish.class);
        assertThat(((MqttPublish) decoded).getMessage().getPayload()).isEqualTo(payload);
        assertThat(((MqttPublish) decoded).getTopicName()).isEqualTo("smartcamp/v1/m/c/g/telemetry");
        assertThat(decoded.getMessageId()).isEqualTo(7);
    }
}
