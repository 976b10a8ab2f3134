package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssertAlternative;

/** A decoder on a fixed clock, so that the timestamp window of the wire tests does not move. */
final class WireFixtures {
    /** The ingest's clock in every wire test, and the time the examples of docs/wire-protocol.md are near. */
    static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    static final String TOPIC = "smartcamp/v1/unmiss/juba1/gw-1/telemetry";
    static final TelemetryDecoder DECODER = new TelemetryDecoder(WireLimits.V1, Clock.fixed(NOW, ZoneOffset.UTC));

    private WireFixtures() {
    }

    static DecodedMessage decode(String json) {
        return DECODER.decode(TOPIC, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A SmartCamp batch (seq 1, sent at NOW) around the given reading objects. */
    static DecodedMessage decodeBatch(String... readings) {
        return decode("{\"seq\":1,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":[" + String.join(",", readings)
            + "]}");
    }

    /** Asserts that the whole message is refused with {@code reason}. */
    static ThrowableAssertAlternative<WireFormatException> assertRefused(String json, RejectReason reason) {
        return assertThatExceptionOfType(WireFormatException.class).isThrownBy(() -> decode(json))
            .matches(e -> e.reason() == reason, "reason " + reason);
    }

    /** Asserts that a one-reading message keeps nothing and refuses its reading with {@code reason}. */
    static RejectedReading singleRejection(DecodedMessage message, RejectReason reason) {
        assertThat(message.readings()).isEmpty();
        assertThat(message.rejected()).singleElement()
            .extracting(RejectedReading::reason).isEqualTo(reason);
        return message.rejected().get(0);
    }
}
