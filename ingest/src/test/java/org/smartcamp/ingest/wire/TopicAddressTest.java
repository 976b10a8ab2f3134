package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicAddressTest {
    private static final String ID_64 = "a".repeat(64);

    @Test
    void parsesMissionCampAndGatewayFromTheTelemetryTopic() {
        TopicAddress address = TopicAddress.parse("smartcamp/v1/unmiss/juba1/gw-1/telemetry");

        assertThat(address).isEqualTo(new TopicAddress("unmiss", "juba1", "gw-1"));
        assertThat(address.telemetryTopic()).isEqualTo("smartcamp/v1/unmiss/juba1/gw-1/telemetry");
    }

    @Test
    void acceptsIdsOfDigitsDotsDashesUnderscoresUpToSixtyFourCharacters() {
        TopicAddress address = TopicAddress.parse("smartcamp/v1/0.mission_x/" + ID_64 + "/gw-1.a_b/telemetry");

        assertThat(address.mission()).isEqualTo("0.mission_x");
        assertThat(address.camp()).hasSize(64);
        assertThat(address.gateway()).isEqualTo("gw-1.a_b");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "smartcamp/v1/unmiss/juba1/gw-1",
        "smartcamp/v1/unmiss/juba1/gw-1/telemetry/extra",
        "smartcamp/v1/unmiss/juba1/gw-1/telemetry/",
        "/smartcamp/v1/unmiss/juba1/gw-1/telemetry",
        "smartcamp/v2/unmiss/juba1/gw-1/telemetry",
        "SmartCamp/v1/unmiss/juba1/gw-1/telemetry",
        "smartcamp/v1/unmiss/juba1/gw-1/status",
        "smartcamp/v1//juba1/gw-1/telemetry",
        "smartcamp/v1/UNMISS/juba1/gw-1/telemetry",
        "smartcamp/v1/unmiss/-juba1/gw-1/telemetry",
        "smartcamp/v1/unmiss/juba 1/gw-1/telemetry",
        "smartcamp/v1/unmiss/juba1/gw+1/telemetry",
        "smartcamp/v1/unmiss/a" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/gw-1/telemetry"
    })
    void refusesEveryOtherTopicAsInvalidTopic(String topic) {
        assertThatExceptionOfType(WireFormatException.class).isThrownBy(() -> TopicAddress.parse(topic))
            .matches(e -> e.reason() == RejectReason.INVALID_TOPIC);
    }

    @Test
    void decoderRefusesTheWholeMessageOnAnInvalidTopicBeforeLookingAtThePayload() {
        byte[] payload = "not even json".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(WireFormatException.class)
            .isThrownBy(() -> WireFixtures.DECODER.decode("smartcamp/v1/unmiss/juba1/telemetry", payload))
            .matches(e -> e.reason() == RejectReason.INVALID_TOPIC);
    }

    @Test
    void subscriptionFilterCoversEveryMissionOrOne() {
        assertThat(TopicAddress.telemetryFilter(null)).isEqualTo("smartcamp/v1/+/+/+/telemetry");
        assertThat(TopicAddress.telemetryFilter("unmiss")).isEqualTo("smartcamp/v1/unmiss/+/+/telemetry");
    }

    @Test
    void constructorRefusesIdsThatCouldNotBeTopicLevels() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicAddress("unmiss", "a/b", "gw-1"))
            .withMessageContaining("camp");
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicAddress("unmiss", "juba1", null))
            .withMessageContaining("gateway");
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicAddress("a" + ID_64, "juba1", "gw-1"))
            .withMessageContaining("mission");
    }
}
