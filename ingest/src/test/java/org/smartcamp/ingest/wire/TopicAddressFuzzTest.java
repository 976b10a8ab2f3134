package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Coverage-guided fuzzing of the topic parser (Jazzer): a topic is refused as invalid_topic or round-trips. */
class TopicAddressFuzzTest {

    /** Any text as an MQTT topic (decoded from UTF-8, as the client library hands it over). */
    @FuzzTest(maxDuration = "10s")
    void topic(byte[] input) {
        String topic = new String(input, StandardCharsets.UTF_8);
        TopicAddress address;
        try {
            address = TopicAddress.parse(topic);
        } catch (WireFormatException e) {
            assertThat(e.reason()).isEqualTo(RejectReason.INVALID_TOPIC);
            return;
        }
        assertThat(address.telemetryTopic()).isEqualTo(topic);
        assertThat(TopicAddress.parse(address.telemetryTopic())).isEqualTo(address);
    }
}
