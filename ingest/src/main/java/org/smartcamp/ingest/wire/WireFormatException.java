package org.smartcamp.ingest.wire;

/** A whole message (or one reading) that breaks the wire contract; carries the reason for the dead-letter row. */
public class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public WireFormatException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
