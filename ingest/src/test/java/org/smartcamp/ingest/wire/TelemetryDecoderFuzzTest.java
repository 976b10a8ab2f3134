package org.smartcamp.ingest.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;

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
}
