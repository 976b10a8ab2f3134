package org.smartcamp.ingest.wire;

import java.util.Locale;

/** Why a message or a reading was put in the dead-letter table instead of the readings table. */
public enum RejectReason {
    /** The topic is not a v1 telemetry topic. */
    INVALID_TOPIC,
    /** The payload is larger than the limit. */
    PAYLOAD_TOO_LARGE,
    /** The payload is not UTF-8: invalid byte sequences, or NUL bytes (UTF-16, UTF-32). */
    NOT_UTF8,
    /** The payload starts with a UTF-8 byte order mark, which the contract forbids (RFC 8259 section 8.1). */
    BYTE_ORDER_MARK,
    /** The payload is not JSON, or not of either accepted shape. */
    MALFORMED_JSON,
    /** The message carries more readings than the limit. */
    TOO_MANY_READINGS,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type, or text that does not parse. */
    WRONG_TYPE,
    /** An id (asset, metric) does not match the id pattern. */
    INVALID_ID,
    /** A value is NaN or infinite. */
    NOT_FINITE,
    /** A value is outside the allowed numeric range. */
    OUT_OF_RANGE,
    /** A non-zero number too small for a double: it would be stored as 0 or lose its precision. */
    UNDERFLOW,
    /** An event time (or a message's {@code sent}) is older or further in the future than the window allows. */
    TIMESTAMP_OUT_OF_WINDOW,
    /** A value kind the store does not hold (SenML strings, data, sums). */
    UNSUPPORTED_VALUE,
    /** The unit differs from the unit registered for the metric. */
    UNIT_MISMATCH,
    /** The topic names a camp that belongs to another mission (unknown camps are registered, not refused). */
    UNKNOWN_CAMP,
    /** The reading names an asset registered to another camp than the topic's. */
    ASSET_OF_OTHER_CAMP,
    /**
     * The database refused the message with a data error (SQLSTATE class 22 or 23) that no decoder rule caught;
     * the writer isolated it from its batch so that the rest is stored.
     */
    DATABASE_REFUSED,
    /** The message would register more new metric names or assets than its gateway's or camp's hourly quota. */
    REGISTRATION_QUOTA,
    /** A Sparkplug B payload that is not a valid protobuf {@code Payload}. */
    MALFORMED_PROTOBUF,
    /**
     * A Sparkplug B message that cannot be read in order: a sequence gap, or data before its birth (or after its
     * death). A rebirth was requested; the messages until the new NBIRTH are dead-lettered, never guessed.
     */
    SPARKPLUG_REBIRTH_PENDING,
    /** A Sparkplug B metric sent by an alias that its edge node's births did not declare. */
    SPARKPLUG_UNKNOWN_ALIAS;

    /** The code stored in {@code dead_letters.reason_code}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
