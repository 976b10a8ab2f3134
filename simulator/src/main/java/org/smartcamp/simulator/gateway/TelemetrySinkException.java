package org.smartcamp.simulator.gateway;

/** Telemetry could not be delivered to its destination (broker unreachable, file not writable, …). */
public class TelemetrySinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TelemetrySinkException(String message) {
        super(message);
    }

    public TelemetrySinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
