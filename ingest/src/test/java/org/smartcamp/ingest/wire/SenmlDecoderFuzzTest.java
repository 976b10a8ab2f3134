package org.smartcamp.ingest.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;

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
}
