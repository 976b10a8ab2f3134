package org.smartcamp.ingest.wire;

/** The payload a {@link DecodedMessage} came in (a label; the formats themselves are {@link WireFormat}s). */
public enum PayloadFormat {
    /** SmartCamp's JSON batch: {@code {"seq":…,"sent":…,"readings":[…]}}. */
    SMARTCAMP_JSON,
    /** SenML JSON (RFC 8428): a top-level array of records. */
    SENML_JSON,
    /** Sparkplug B (protobuf) from an edge node: docs/wire-protocol.md, section Sparkplug B. */
    SPARKPLUG_B
}
