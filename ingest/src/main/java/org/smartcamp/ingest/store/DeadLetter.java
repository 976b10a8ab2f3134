package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.Objects;
import org.smartcamp.ingest.wire.RejectReason;

/**
 * Input that could not be stored as readings: kept with its raw bytes and the reason, never dropped. The raw
 * bytes go to a {@code bytea} column as they are; the topic and the detail are made {@linkplain StorableText
 * storable} here (they may hold what the sender wrote: a NUL, an unpaired surrogate, 256 KiB of id), so that a
 * dead letter can always be stored.
 *
 * @param receivedAt when the ingest received the message
 * @param topic      the topic it came on (may be any text for an invalid topic); kept to {@value #MAX_TOPIC} chars
 * @param payload    the raw payload, or the one reading's JSON when a single reading was refused
 * @param reason     the machine-readable reason
 * @param detail     a sentence for the operator; kept to {@value #MAX_DETAIL} characters
 */
public record DeadLetter(Instant receivedAt, String topic, byte[] payload, RejectReason reason, String detail) {
    /** Longest stored topic, in characters (MQTT topics may be 65535 bytes long). */
    public static final int MAX_TOPIC = 1024;
    /** Longest stored detail, in characters. */
    public static final int MAX_DETAIL = 2000;

    public DeadLetter {
        Objects.requireNonNull(receivedAt, "receivedAt");
        topic = StorableText.of(Objects.requireNonNull(topic, "topic"), MAX_TOPIC);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(reason, "reason");
        detail = StorableText.of(Objects.requireNonNull(detail, "detail"), MAX_DETAIL);
    }

    /**
     * This dead letter with topic and detail in 7-bit ASCII (other characters as backslash-u escapes): the last
     * resort when the database refused it as it was (a database encoding without some character).
     */
    public DeadLetter asciiOnly() {
        return new DeadLetter(receivedAt, StorableText.ascii(topic, MAX_TOPIC), payload, reason,
            StorableText.ascii(detail, MAX_DETAIL));
    }
}
