package org.smartcamp.ingest.wire;

import java.util.List;
import java.util.Optional;

/**
 * A payload format with its topic layout: it says which topics it subscribes to and owns, and turns one MQTT
 * message of those topics (plus whatever per-connection state it keeps) into readings and rejections. The output is
 * the same for every format, a {@link DecodedMessage} (camp and gateway from the topic or the format's mapping,
 * readings with asset ids, rejected readings with reasons), so the store and its exactly-once rules do not depend on
 * the format. A new wire format is a new implementation registered in {@link WireFormats}, not an edit spread over
 * the pipeline.
 *
 * <p>Formats are called on the pipeline's single context, one message at a time, in arrival order; they need no
 * locking of their own.
 */
public interface WireFormat {

    /** A short stable name, e.g. {@code smartcamp-v1}; used in logs and as the key of its stored session state. */
    String name();

    /** The topic filters the ingest subscribes to for this format. */
    List<Subscription> subscriptions();

    /** Whether {@code topic} belongs to this format's topic layout (it is then decoded by this format only). */
    boolean handles(String topic);

    /**
     * Decodes one message of a topic this format {@linkplain #handles handles}.
     *
     * @return the decoded readings and rejections; empty when the message carries nothing to store (a control
     *     message, or a repeat of a message already taken), which is then acknowledged as it is
     * @throws WireFormatException when the message as a whole breaks the contract (dead-lettered whole)
     */
    Optional<DecodedMessage> decode(WireMessage message);

    /** A message the broker publishes for the ingest when its connection dies (MQTT will); none by default. */
    default Optional<Outgoing> will() {
        return Optional.empty();
    }

    /** Messages to publish each time the connection is (re)established and subscribed; none by default. */
    default List<Outgoing> onConnected() {
        return List.of();
    }

    /**
     * A topic filter to subscribe to.
     *
     * @param filter    the MQTT topic filter
     * @param shareable whether several ingest replicas may split it as an MQTT 5 shared subscription (formats whose
     *                  state depends on seeing all of a sender's messages in order say no)
     */
    record Subscription(String filter, boolean shareable) {
    }
}
