package org.smartcamp.ingest.wire;

/** The payload formats wire contract v1 accepts on the telemetry topic. */
public enum PayloadFormat {
    /** SmartCamp's JSON batch: {@code {"seq":…,"sent":…,"readings":[…]}}. */
    SMARTCAMP_JSON,
    /** SenML JSON (RFC 8428): a top-level array of records. */
    SENML_JSON
}
