package org.smartcamp.ingest.wire.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.GatewayStatus;
import org.smartcamp.ingest.wire.Outbox;
import org.smartcamp.ingest.wire.Outgoing;
import org.smartcamp.ingest.wire.PayloadFormat;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.RejectedReading;
import org.smartcamp.ingest.wire.SessionState;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireFormat;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.ingest.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sparkplug B as a primary host application reads it (docs/wire-protocol.md, section Sparkplug B): births declare
 * metric aliases, data carries metrics by alias, every message of an edge node but NDEATH carries the next sequence
 * number (0 to 255, wrapping). A gap, or data before its birth, makes the format publish an NCMD
 * {@code Node Control/Rebirth} and dead-letter the node's messages as {@code sparkplug_rebirth_pending} until its
 * next NBIRTH: nothing is guessed. Births and deaths set the gateway's online/offline status.
 *
 * <p>Exactly-once across restarts: the state after each message taken ({@link NodeSession}) goes to the store with
 * the message and is committed in the same transaction as its readings, with the message's digest; a restarted
 * ingest {@linkplain #restore restores} both, so a message redelivered after a crash is recognised as taken (by its
 * digest) and the next one continues the committed sequence. The state is per edge node and needs every message of
 * a node, in order: the subscriptions are never shared between replicas.
 */
public final class SparkplugFormat implements WireFormat {
    /** The format's name, also the key of its stored sessions. */
    public static final String NAME = "sparkplug-b";
    static final String BD_SEQ = "bdSeq";
    static final String REBIRTH = "Node Control/Rebirth";
    private static final Logger LOG = LoggerFactory.getLogger(SparkplugFormat.class);
    private static final String PREFIX = SparkplugTopic.NAMESPACE + "/";
    private static final int SEQ_MODULUS = 256;

    private final SparkplugConfig config;
    private volatile SparkplugMapping mapping;
    private final WireLimits limits;
    private final Clock clock;
    private final Outbox outbox;
    private volatile MetricReader reader;
    private final long hostTimestamp;
    private final Map<String, NodeSession> sessions = new HashMap<>();
    /** Edge nodes waiting for a rebirth. */
    private final java.util.Set<String> rebirthPending = new java.util.HashSet<>();
    /** When a rebirth was last requested of each edge node: at most one request per interval, across births too. */
    private final Map<String, Instant> rebirthRequested = new HashMap<>();
    private final SeenMessages seen;

    public SparkplugFormat(SparkplugConfig config, SparkplugMapping mapping, WireLimits limits, Clock clock,
                           Outbox outbox) {
        this.config = Objects.requireNonNull(config);
        this.mapping = Objects.requireNonNull(mapping);
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
        this.outbox = Objects.requireNonNull(outbox);
        this.reader = new MetricReader(mapping, limits);
        this.hostTimestamp = clock.millis();
        this.seen = new SeenMessages(config.seenMessages());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Subscription> subscriptions() {
        String group = config.group() == null ? "+" : config.group();
        List<Subscription> subs = new ArrayList<>();
        for (SparkplugTopic.Type t : List.of(SparkplugTopic.Type.NBIRTH, SparkplugTopic.Type.NDATA,
                SparkplugTopic.Type.NDEATH)) {
            subs.add(new Subscription(PREFIX + group + "/" + t + "/+", false));
        }
        for (SparkplugTopic.Type t : List.of(SparkplugTopic.Type.DBIRTH, SparkplugTopic.Type.DDATA,
                SparkplugTopic.Type.DDEATH)) {
            subs.add(new Subscription(PREFIX + group + "/" + t + "/+/+", false));
        }
        return subs;
    }

    @Override
    public boolean handles(String topic) {
        return topic.startsWith(PREFIX);
    }

    /** The primary host's death certificate: {@code STATE} offline, retained (Sparkplug 3.0, host applications). */
    @Override
    public Optional<Outgoing> will() {
        return Optional.of(hostState(false));
    }

    /** The primary host's birth: {@code STATE} online, retained, with the will's timestamp. */
    @Override
    public List<Outgoing> onConnected() {
        return List.of(hostState(true));
    }

    /** Uses {@code names} from the next message on (the inventory changed); thread-safe. */
    public void useMapping(SparkplugMapping names) {
        MetricReader next = new MetricReader(names, limits);
        this.mapping = names;
        this.reader = next;
    }

    /**
     * Takes the committed state of every edge node and the digests of the messages last committed, as a restarted
     * ingest finds them in the store. A session that cannot be read is dropped (its node is asked to rebirth).
     */
    public void restore(Map<String, String> stored, List<byte[]> digests) {
        stored.forEach((key, json) -> {
            try {
                sessions.put(key, NodeSession.fromJson(json));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignored the stored Sparkplug session of {}: {}", key, e.getMessage());
            }
        });
        digests.forEach(seen::add);
    }

    @Override
    public Optional<DecodedMessage> decode(WireMessage message) {
        SparkplugTopic topic = SparkplugTopic.parse(message.topic());
        if (topic.type() == SparkplugTopic.Type.STATE || topic.type() == SparkplugTopic.Type.NCMD
                || topic.type() == SparkplugTopic.Type.DCMD) {
            return Optional.empty();
        }
        if (message.payload().length > limits.maxPayloadBytes()) {
            throw new WireFormatException(RejectReason.PAYLOAD_TOO_LARGE, "payload of " + message.payload().length
                + " bytes exceeds the limit of " + limits.maxPayloadBytes());
        }
        byte[] digest = digest(message);
        if (seen.contains(digest)) {
            return Optional.empty();
        }
        seen.add(digest);
        TopicAddress address = mapping.address(topic.group(), topic.edgeNode());
        Payload payload = parse(message.payload());
        if (payload.getMetricsCount() > limits.maxReadingsPerMessage()) {
            throw new WireFormatException(RejectReason.TOO_MANY_READINGS, payload.getMetricsCount()
                + " metrics exceed the limit of " + limits.maxReadingsPerMessage() + " per message");
        }
        Step step = switch (topic.type()) {
            case NBIRTH -> nodeBirth(topic, payload);
            case NDEATH -> nodeDeath(topic, payload);
            case DBIRTH -> deviceBirth(topic, payload);
            case DDEATH -> deviceDeath(topic, payload);
            default -> data(topic, payload);
        };
        if (step == null) {
            return Optional.empty();
        }
        sessions.put(topic.nodeKey(), step.session());
        NodeSession after = step.session();
        SessionState state = new SessionState(NAME, topic.nodeKey(), after::toJson, digest);
        Instant now = message.receivedAt();
        List<RejectedReading> rejected = new ArrayList<>();
        List<org.smartcamp.ingest.wire.Reading> readings = reader.readings(topic, payload, step, now, rejected);
        Long seq = payload.hasSeq() ? payload.getSeq() : null;
        Instant sent = payload.hasTimestamp() ? reader.sentTime(payload.getTimestamp(), now) : null;
        return Optional.of(new DecodedMessage(address, PayloadFormat.SPARKPLUG_B, seq, sent, readings, rejected,
            step.status(), state));
    }

    /** What a message does to its node's session: the session after it, the aliases its metrics use. */
    record Step(NodeSession session, Map<Long, NodeSession.MetricDef> aliases, boolean birth, GatewayStatus status) {
    }

    private Step nodeBirth(SparkplugTopic topic, Payload payload) {
        int seq = seq(payload, topic);
        Long bdSeq = null;
        Map<Long, NodeSession.MetricDef> declared = new HashMap<>();
        for (Metric m : payload.getMetricsList()) {
            if (m.hasName() && BD_SEQ.equals(m.getName()) && MetricValues.numeric(m)) {
                bdSeq = (long) MetricValues.of(m, m.getDatatype());
            }
            if (m.hasName() && m.hasAlias()) {
                declared.put(m.getAlias(), new NodeSession.MetricDef(null, m.getName(), m.getDatatype()));
            }
        }
        rebirthPending.remove(topic.nodeKey());
        NodeSession born = new NodeSession(true, bdSeq, seq, Map.copyOf(declared), java.util.Set.of());
        return new Step(born, born.aliases(), true, GatewayStatus.ONLINE);
    }

    /** An NDEATH of the current session takes the node offline; one of an older session (a late will) is dropped. */
    private Step nodeDeath(SparkplugTopic topic, Payload payload) {
        NodeSession current = sessions.get(topic.nodeKey());
        Long bdSeq = null;
        for (Metric m : payload.getMetricsList()) {
            if (m.hasName() && BD_SEQ.equals(m.getName()) && MetricValues.numeric(m)) {
                bdSeq = (long) MetricValues.of(m, m.getDatatype());
            }
        }
        if (current == null || !current.born() || !Objects.equals(current.bdSeq(), bdSeq)) {
            LOG.debug("Dropped an NDEATH of {} with bdSeq {} (current session: {})", topic.nodeKey(), bdSeq,
                current == null ? "none" : current.bdSeq());
            return null;
        }
        rebirthPending.remove(topic.nodeKey());
        return new Step(current.dead(), Map.of(), false, GatewayStatus.OFFLINE);
    }

    private Step deviceBirth(SparkplugTopic topic, Payload payload) {
        NodeSession current = inOrder(topic, payload);
        Map<Long, NodeSession.MetricDef> declared = new HashMap<>();
        for (Metric m : payload.getMetricsList()) {
            if (m.hasName() && m.hasAlias()) {
                declared.put(m.getAlias(), new NodeSession.MetricDef(topic.device(), m.getName(), m.getDatatype()));
            }
        }
        NodeSession next = current.withDevice(topic.device(), seq(payload, topic), declared);
        return new Step(next, next.aliases(), true, null);
    }

    private Step deviceDeath(SparkplugTopic topic, Payload payload) {
        NodeSession current = inOrder(topic, payload);
        return new Step(current.withoutDevice(topic.device(), seq(payload, topic)), Map.of(), false, null);
    }

    private Step data(SparkplugTopic topic, Payload payload) {
        NodeSession current = inOrder(topic, payload);
        if (topic.device() != null && !current.devices().contains(topic.device())) {
            throw rebirth(topic, "DDATA of device '" + topic.device() + "' before its DBIRTH");
        }
        return new Step(current.advance(seq(payload, topic)), current.aliases(), false, null);
    }

    /**
     * The node's session, when this message is the next of it.
     *
     * @throws WireFormatException {@code sparkplug_rebirth_pending} (and a rebirth is requested) when the node is
     *     not born, already waits for a rebirth, or the sequence number is not the next one
     */
    private NodeSession inOrder(SparkplugTopic topic, Payload payload) {
        NodeSession current = sessions.get(topic.nodeKey());
        if (rebirthPending.contains(topic.nodeKey())) {
            throw rebirth(topic, "waiting for the NBIRTH of edge node '" + topic.nodeKey() + "' after a rebirth"
                + " request");
        }
        if (current == null || !current.born()) {
            throw rebirth(topic, topic.type() + " of edge node '" + topic.nodeKey() + "' before its NBIRTH");
        }
        int expected = (current.seq() + 1) % SEQ_MODULUS;
        if (!payload.hasSeq() || payload.getSeq() != expected) {
            throw rebirth(topic, "sequence number " + (payload.hasSeq() ? payload.getSeq() : "missing") + " where "
                + expected + " was next (edge node '" + topic.nodeKey() + "')");
        }
        return current;
    }

    private static int seq(Payload payload, SparkplugTopic topic) {
        if (!payload.hasSeq() || payload.getSeq() < 0 || payload.getSeq() >= SEQ_MODULUS) {
            throw new WireFormatException(topic.type() == SparkplugTopic.Type.NBIRTH ? RejectReason.MISSING_FIELD
                : RejectReason.SPARKPLUG_REBIRTH_PENDING, topic.type() + " has no sequence number of 0 to 255");
        }
        return (int) payload.getSeq();
    }

    /** Requests a rebirth (at most once per {@code rebirthInterval}) and returns the dead-letter reason. */
    private WireFormatException rebirth(SparkplugTopic topic, String why) {
        Instant now = clock.instant();
        rebirthPending.add(topic.nodeKey());
        Instant last = rebirthRequested.get(topic.nodeKey());
        if (last == null || !now.isBefore(last.plus(config.rebirthInterval()))) {
            boolean sent = outbox.send(rebirthCommand(topic.group(), topic.edgeNode(), now));
            rebirthRequested.put(topic.nodeKey(), now);
            LOG.info("Requested a rebirth of Sparkplug edge node {} ({}): {}", topic.nodeKey(),
                sent ? "sent" : "not connected, will retry", why);
        }
        return new WireFormatException(RejectReason.SPARKPLUG_REBIRTH_PENDING, why
            + "; rebirth requested, messages dead-lettered until the next NBIRTH");
    }

    /** NCMD {@code Node Control/Rebirth = true} to an edge node. */
    public static Outgoing rebirthCommand(String group, String edgeNode, Instant now) {
        Payload command = Payload.newBuilder().setTimestamp(now.toEpochMilli())
            .addMetrics(Metric.newBuilder().setName(REBIRTH).setTimestamp(now.toEpochMilli())
                .setDatatype(DataType.Boolean.getNumber()).setBooleanValue(true))
            .build();
        return new Outgoing(SparkplugTopic.nodeCommand(group, edgeNode), command.toByteArray(), 0, false);
    }

    private Outgoing hostState(boolean online) {
        String json = "{\"online\":" + online + ",\"timestamp\":" + hostTimestamp + "}";
        return new Outgoing(SparkplugTopic.state(config.hostId()), json.getBytes(StandardCharsets.UTF_8), 1,
            config.retainState());
    }

    private static Payload parse(byte[] bytes) {
        try {
            return Payload.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException(RejectReason.MALFORMED_PROTOBUF, "payload is not a Sparkplug B protobuf"
                + " Payload: " + e.getMessage());
        }
    }

    private static byte[] digest(WireMessage message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(message.topic().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(message.payload());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
