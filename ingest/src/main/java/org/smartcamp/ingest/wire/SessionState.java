package org.smartcamp.ingest.wire;

import java.util.Objects;

/**
 * A format's per-sender state after a message, to be committed in the same transaction as the message's readings,
 * so that a restarted ingest resumes from exactly what it acknowledged (Sparkplug aliases and sequence numbers).
 *
 * @param format the format's {@linkplain WireFormat#name name}
 * @param key    the sender it belongs to (e.g. {@code group/edge node})
 * @param json   the state, as the format serialises it
 * @param digest the message's identity, kept so that a redelivery of a committed message is recognised
 */
public record SessionState(String format, String key, String json, byte[] digest) {

    public SessionState {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(digest, "digest");
    }
}
