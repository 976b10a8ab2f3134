package org.smartcamp.ingest.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats the ingest speaks: a message goes to the first format that {@linkplain WireFormat#handles handles} its
 * topic; a topic that no format handles is refused as {@code invalid_topic}. The first format is the fallback that
 * names the expected layout in that refusal.
 */
public final class WireFormats {
    private final List<WireFormat> formats;

    public WireFormats(List<WireFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one wire format is needed");
        }
        this.formats = List.copyOf(formats);
    }

    /** The formats of one or more. */
    public static WireFormats of(WireFormat first, WireFormat... more) {
        List<WireFormat> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return new WireFormats(all);
    }

    /** Every format, in order. */
    public List<WireFormat> all() {
        return formats;
    }

    /** Every subscription of every format. */
    public List<WireFormat.Subscription> subscriptions() {
        return formats.stream().flatMap(f -> f.subscriptions().stream()).collect(Collectors.toList());
    }

    /**
     * Decodes with the format that handles the topic.
     *
     * @throws WireFormatException {@code invalid_topic} when none does, or what that format throws
     */
    public Optional<DecodedMessage> decode(WireMessage message) {
        for (WireFormat f : formats) {
            if (f.handles(message.topic())) {
                return f.decode(message);
            }
        }
        // the v1 format's own refusal names its layout, as before formats were pluggable
        return formats.get(0).decode(message);
    }
}
