package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-read path takes what gateways send as the tree decoder reads it, and leaves everything outside its
 * strict subset to the next decoder (null), which {@code DecodeOracle} and {@link StreamingBatchDecoderTest} check
 * end to end.
 */
class AsciiBatchDecoderTest {
    private static final AsciiBatchDecoder ASCII = new AsciiBatchDecoder(WireLimits.V1,
        new ReadingValidator(WireLimits.V1));
    private static final TopicAddress ADDRESS = TopicAddress.parse(WireFixtures.TOPIC);

    @Test
    void readsAnEncodedBatchAsTheTreeDoes() {
        List<Reading> readings = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            readings.add(new Reading("gen-" + k % 10, "power.active", WireFixtures.NOW.minusSeconds(60 - k / 50),
                100 + (k % 977) / 10.0, k % 7 == 0 ? "kW" : null, k % 11 == 0 ? Quality.UNCERTAIN : Quality.GOOD));
        }
        byte[] payload = TelemetryEncoder.encode(new TelemetryBatch(7, WireFixtures.NOW, readings));

        DecodedMessage fast = ASCII.decode(ADDRESS, payload, WireFixtures.NOW);

        assertThat(fast).isNotNull().isEqualTo(WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload, false));
        assertThat(fast.readings().get(10).asset()).isSameAs(fast.readings().get(0).asset());
    }

    @Test
    void readsNumbersAsTheTreeDoes() {
        for (String v : List.of("0", "-0", "0.0", "-0.0", "0e7", "1.5", "-12.25", "0.1", "1e22", "1E+2", "12.50",
            "1e-7", "123456789012345", "0.30000000000000004", "9007199254740993", "true", "false", "99.9e-3")) {
            byte[] payload = batch("{\"asset\":\"gen-1\",\"metric\":\"power.active\",\"ts\":1795338900000,"
                + "\"value\":" + v + "}");
            DecodedMessage tree = WireFixtures.DECODER.decode(WireFixtures.TOPIC, payload, false);
            DecodedMessage fast = ASCII.decode(ADDRESS, payload, WireFixtures.NOW);
            if (fast != null) {
                assertThat(fast).as(v).isEqualTo(tree);
            }
        }
        assertThat(ASCII.decode(ADDRESS, batch("{\"asset\":\"gen-1\",\"metric\":\"power.active\","
            + "\"ts\":\"2026-11-22T10:00:00Z\",\"value\":123.4}"), WireFixtures.NOW)).isNotNull();
    }

    @Test
    void leavesWhatIsOutsideItsSubsetToTheNextDecoder() {
        String reading = "{\"asset\":\"gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:00:00Z\","
            + "\"value\":1}";
        for (String odd : List.of(
            reading.replace("\"value\":1", "\"value\":1,\"value\":2"),
            reading.replace("\"value\":1", "\"value\":1,\"note\":\"x\""),
            reading.replace("gen-1", "gen\\u002d1"),
            reading.replace("gen-1", "g\u00e9n-1"),
            reading.replace("\"value\":1", "\"value\":01"),
            reading.replace("\"value\":1", "\"value\":1e-400"),
            reading.replace("\"value\":1", "\"value\":NaN"),
            reading.replace("\"value\":1", "\"value\":12345678901234567890"),
            reading.replace("\"value\":1", "\"value\":1."))) {
            assertThat(ASCII.decode(ADDRESS, batch(odd), WireFixtures.NOW)).as(odd).isNull();
        }
        assertThat(ASCII.decode(ADDRESS, (new String(batch(reading), StandardCharsets.US_ASCII) + "x")
            .getBytes(StandardCharsets.US_ASCII), WireFixtures.NOW)).isNull();
        assertThat(ASCII.decode(ADDRESS, ("{\"seq\":1,\"seq\":2,\"sent\":\"2026-11-22T10:00:00Z\",\"readings\":[]}")
            .getBytes(StandardCharsets.US_ASCII), WireFixtures.NOW)).isNull();
        assertThat(ASCII.decode(ADDRESS, batch(reading), Instant.parse("2026-11-22T09:00:00Z"))).isNull();
    }

    private static byte[] batch(String reading) {
        return ("{\"seq\":1,\"sent\":\"2026-11-22T10:00:00Z\",\"readings\":[" + reading + "]}")
            .getBytes(StandardCharsets.UTF_8);
    }
}
