package org.smartcamp.ingest.wire;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A format's per-sender state after a message, to be committed in the same transaction as the message's readings,
 * so that a restarted ingest resumes from exactly what it acknowledged (Sparkplug aliases and sequence numbers).
 *
 * @param format the format's {@linkplain WireFormat#name name}
 * @param key    the sender it belongs to (e.g. {@code group/edge node})
 * @param state  the state, as the format serialises it (computed only when the store writes it)
 * @param digest the message's identity, kept so that a redelivery of a committed message is recognised
 */
public record SessionState(String format, String key, Supplier<String> state, byte[] digest) {

    public SessionState {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(digest, "digest");
    }

    /** The state as text. */
    public String json() {
        return state.get();
    }
}
