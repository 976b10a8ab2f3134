package org.smartcamp.ingest.wire;

/**
 * One reading of a message that could not be stored, with why.
 *
 * @param index  position of the reading in the message (0-based)
 * @param reason why it was refused
 * @param detail a sentence for the operator
 * @param raw    the reading as parsed, re-written as compact JSON (whitespace dropped, numbers as parsed)
 */
public record RejectedReading(int index, RejectReason reason, String detail, String raw) {
}
