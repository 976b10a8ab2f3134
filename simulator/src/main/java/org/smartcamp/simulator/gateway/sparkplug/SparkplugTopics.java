package org.smartcamp.simulator.gateway.sparkplug;

import java.util.Objects;

/**
 * The Sparkplug B topics of one edge node: {@code spBv1.0/{group}/{type}/{edgeNode}} and
 * {@code spBv1.0/{group}/{type}/{edgeNode}/{device}}. SmartCamp's default mapping makes the group the mission and the
 * edge node the camp; devices are the camp's assets.
 */
public record SparkplugTopics(String group, String edgeNode) {
    /** The Sparkplug B topic namespace. */
    public static final String NAMESPACE = "spBv1.0";

    public SparkplugTopics {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(edgeNode, "edgeNode");
    }

    /** A node-level topic, {@code type} one of NBIRTH, NDATA, NDEATH, NCMD. */
    public String node(String type) {
        return NAMESPACE + "/" + group + "/" + type + "/" + edgeNode;
    }

    /** A device-level topic, {@code type} one of DBIRTH, DDATA, DDEATH, DCMD. */
    public String device(String type, String device) {
        return node(type) + "/" + device;
    }

    /** Where hosts send this edge node's commands. */
    public String commands() {
        return node("NCMD");
    }
}
