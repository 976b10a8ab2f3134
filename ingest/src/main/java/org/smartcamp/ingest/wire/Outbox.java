package org.smartcamp.ingest.wire;

/** Where a format's outgoing messages go (the ingest's MQTT connection); never blocks. */
@FunctionalInterface
public interface Outbox {
    /** An outbox that drops everything (decoding without a broker: tests, benchmarks, replays). */
    Outbox NONE = message -> false;

    /**
     * Publishes the message in the background.
     *
     * @return whether it was handed to a connected client (false: not connected, the format may try again later)
     */
    boolean send(Outgoing message);
}
