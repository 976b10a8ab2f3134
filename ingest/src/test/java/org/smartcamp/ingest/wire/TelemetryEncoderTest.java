package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.ingest.wire.WireFixtures.decode;
import static org.smartcamp.ingest.wire.WireFixtures.decodeBatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryEncoderTest {
    private static final List<Reading> READINGS = List.of(
        Reading.of("juba1-gen-1", "power.active", Instant.parse("2026-11-22T10:15:00Z"), 41.5),
        new Reading("juba1-gen-1", "energy.active", Instant.parse("2026-11-22T10:15:00.123456789Z"), 1e12, "kWh",
            Quality.UNCERTAIN),
        new Reading("juba1-tank-1", "fuel.level", Instant.parse("2026-08-24T10:15:30Z"), -0.25, "mm",
            Quality.BAD),
        new Reading("juba1-pump-1", "pump.running", Instant.parse("2026-11-22T10:20:30Z"), 0, null, Quality.GOOD));

    @Test
    void aBatchSurvivesTheRoundTripThroughTheDecoder() {
        TelemetryBatch batch = new TelemetryBatch(Long.MAX_VALUE, Instant.parse("2026-11-22T10:15:29.5Z"), READINGS);

        DecodedMessage decoded = decode(new String(TelemetryEncoder.encode(batch), StandardCharsets.UTF_8));

        assertThat(decoded.seq()).isEqualTo(batch.seq());
        assertThat(decoded.sent()).isEqualTo(batch.sent());
        assertThat(decoded.readings()).containsExactlyElementsOf(READINGS);
        assertThat(decoded.rejected()).isEmpty();
    }

    @Test
    void writesTheWireFieldNamesAndLeavesOutDefaults() {
        String json = new String(TelemetryEncoder.encode(new TelemetryBatch(3, Instant.parse("2026-11-22T10:15:29Z"),
            READINGS.subList(0, 2))), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"seq\":3,\"sent\":\"2026-11-22T10:15:29Z\",\"readings\":["
            + "{\"asset\":\"juba1-gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:15:00Z\",\"value\":41.5},"
            + "{\"asset\":\"juba1-gen-1\",\"metric\":\"energy.active\",\"ts\":\"2026-11-22T10:15:00.123456789Z\","
            + "\"value\":1.0E12,\"unit\":\"kWh\",\"quality\":\"uncertain\"}]}");
    }

    @Test
    void anEmptyBatchRoundTrips() {
        TelemetryBatch batch = new TelemetryBatch(0, Instant.parse("2026-11-22T10:15:29Z"), List.of());

        DecodedMessage decoded = decode(new String(TelemetryEncoder.encode(batch), StandardCharsets.UTF_8));

        assertThat(decoded.seq()).isZero();
        assertThat(decoded.readings()).isEmpty();
    }

    @Test
    void oneEncodedReadingIsAReadingObjectOfTheBatchFormat() {
        for (Reading r : READINGS) {
            String json = new String(TelemetryEncoder.encodeReading(r), StandardCharsets.UTF_8);

            assertThat(decodeBatch(json).readings()).containsExactly(r);
        }
    }
}
