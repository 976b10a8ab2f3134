package org.smartcamp.ingest.wire.sparkplug;

import java.util.Objects;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.WireFormatException;

/**
 * A Sparkplug B topic: {@code spBv1.0/{group}/{type}/{edge node}[/{device}]}, or the host's
 * {@code spBv1.0/STATE/{host id}}.
 *
 * @param group    the group id ({@code null} for STATE)
 * @param type     the message type
 * @param edgeNode the edge node id (the host id for STATE)
 * @param device   the device id, or {@code null} for node-level messages
 */
public record SparkplugTopic(String group, Type type, String edgeNode, String device) {
    /** The namespace of every Sparkplug B topic. */
    public static final String NAMESPACE = "spBv1.0";
    /** Longest id accepted in a topic level. */
    static final int MAX_ID = 128;

    /** The message types of Sparkplug 3.0. */
    public enum Type {
        NBIRTH, NDATA, NDEATH, NCMD, DBIRTH, DDATA, DDEATH, DCMD, STATE;

        boolean deviceLevel() {
            return this == DBIRTH || this == DDATA || this == DDEATH || this == DCMD;
        }
    }

    public SparkplugTopic {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(edgeNode, "edgeNode");
    }

    /** This edge node's key: {@code group/edge node}. */
    public String nodeKey() {
        return group + "/" + edgeNode;
    }

    /** The topic of a node command to {@code edgeNode} of {@code group}. */
    public static String nodeCommand(String group, String edgeNode) {
        return NAMESPACE + "/" + group + "/" + Type.NCMD + "/" + edgeNode;
    }

    /** The primary host's state topic. */
    public static String state(String hostId) {
        return NAMESPACE + "/" + Type.STATE + "/" + hostId;
    }

    /**
     * Parses a Sparkplug B topic.
     *
     * @throws WireFormatException {@code invalid_topic} when it is not one
     */
    public static SparkplugTopic parse(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length >= 3 && NAMESPACE.equals(levels[0]) && "STATE".equals(levels[1])) {
            requireLength(levels, 3, topic);
            return new SparkplugTopic(null, Type.STATE, id(levels[2], topic), null);
        }
        if (levels.length < 4 || !NAMESPACE.equals(levels[0])) {
            throw invalid(topic, "is not of the form " + NAMESPACE + "/{group}/{type}/{edge node}[/{device}]");
        }
        Type type;
        try {
            type = Type.valueOf(levels[2]);
        } catch (IllegalArgumentException e) {
            throw invalid(topic, "has no Sparkplug message type at its third level");
        }
        requireLength(levels, type.deviceLevel() ? 5 : 4, topic);
        return new SparkplugTopic(id(levels[1], topic), type, id(levels[3], topic),
            type.deviceLevel() ? id(levels[4], topic) : null);
    }

    private static void requireLength(String[] levels, int n, String topic) {
        if (levels.length != n) {
            throw invalid(topic, "has " + levels.length + " levels; its message type needs " + n);
        }
    }

    private static String id(String level, String topic) {
        if (level.isEmpty() || level.length() > MAX_ID || level.contains("+") || level.contains("#")) {
            throw invalid(topic, "has an empty, wildcard or over-long (> " + MAX_ID + ") id level");
        }
        return level;
    }

    private static WireFormatException invalid(String topic, String why) {
        String shown = topic.length() > 200 ? topic.substring(0, 200) + "…" : topic;
        return new WireFormatException(RejectReason.INVALID_TOPIC, "Sparkplug topic '" + shown + "' " + why);
    }
}
