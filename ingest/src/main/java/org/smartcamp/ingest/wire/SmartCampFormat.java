package org.smartcamp.ingest.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Wire contract v1: topic {@code smartcamp/v1/{mission}/{camp}/{gateway}/telemetry} ({@link TopicAddress}), payload a
 * SmartCamp JSON batch or SenML JSON, told apart by the JSON value's type ({@link TelemetryDecoder}). Stateless; its
 * subscription may be shared between ingest replicas.
 */
public final class SmartCampFormat implements WireFormat {
    /** The format's name. */
    public static final String NAME = "smartcamp-v1";
    private static final String PREFIX = TopicAddress.ROOT + "/";

    private final TelemetryDecoder decoder;
    private final String filter;

    /**
     * @param decoder the v1 decoder (limits, clock)
     * @param filter  the subscription filter, e.g. {@link TopicAddress#telemetryFilter} of one mission
     */
    public SmartCampFormat(TelemetryDecoder decoder, String filter) {
        this.decoder = Objects.requireNonNull(decoder);
        this.filter = Objects.requireNonNull(filter);
    }

    /** Every mission's telemetry. */
    public SmartCampFormat(TelemetryDecoder decoder) {
        this(decoder, TopicAddress.telemetryFilter(null));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Subscription> subscriptions() {
        return List.of(new Subscription(filter, true));
    }

    @Override
    public boolean handles(String topic) {
        return topic.startsWith(PREFIX);
    }

    @Override
    public Optional<DecodedMessage> decode(WireMessage message) {
        return Optional.of(decoder.decode(message.topic(), message.payload()));
    }
}
