package org.smartcamp.ingest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartcamp.ingest.testsupport.FuzzSeeds;

/**
 * Coverage-guided fuzzing of the SenML decoder (Jazzer), reached as the ingest reaches it: a payload whose
 * top-level value is an array. Its corpus ({@code SenmlDecoderFuzzTestInputs/senml}) holds SenML packs: base
 * fields, relative times, must-understand fields, string and data values.
 */
class SenmlDecoderFuzzTest {

    /** Any bytes as the payload of a telemetry message, starting from SenML packs. */
    @FuzzTest(maxDuration = "10s")
    void senml(byte[] payload) {
        DecodeOracle.decode(payload);
    }

    /** The corpus's valid packs are valid, so that fuzzing starts from messages the contract accepts. */
    @ParameterizedTest
    @ValueSource(strings = {"valid-pack.json", "valid-relative-times.json", "valid-base-value.json"})
    void theValidSeedsAreAcceptedWhole(String seed) {
        DecodedMessage message = DecodeOracle.decode(FuzzSeeds.read(getClass(), "senml", seed));

        assertThat(message).isNotNull();
        assertThat(message.format()).isEqualTo(PayloadFormat.SENML_JSON);
        assertThat(message.rejected()).isEmpty();
        assertThat(message.readings()).isNotEmpty();
    }
}
