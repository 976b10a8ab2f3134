package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartcamp.ingest.testsupport.FuzzSeeds;

/**
 * Coverage-guided fuzzing of the SmartCamp JSON batch decoder (Jazzer). In a normal build it runs in regression
 * mode over the committed corpus ({@code TelemetryDecoderFuzzTestInputs/smartcampJson}: valid batches and edge
 * cases, and every crash found); with {@code JAZZER_FUZZ=1} it mutates from there (docs/faults.md, fuzzing).
 */
class TelemetryDecoderFuzzTest {

    /** Any bytes as the payload of a telemetry message: refused whole, or each reading accepted or rejected. */
    @FuzzTest(maxDuration = "10s")
    void smartcampJson(byte[] payload) {
        DecodeOracle.decode(payload);
    }

    /** The corpus's valid batches are valid, so that fuzzing starts from messages the contract accepts. */
    @ParameterizedTest
    @ValueSource(strings = {"valid-batch.json", "valid-heartbeat.json", "valid-times-with-offsets.json",
        "valid-pretty-unknown-fields.json"})
    void theValidSeedsAreAcceptedWhole(String seed) {
        DecodedMessage message = DecodeOracle.decode(FuzzSeeds.read(getClass(), "smartcampJson", seed));

        assertThat(message).isNotNull();
        assertThat(message.rejected()).isEmpty();
    }
}
