package org.smartcamp.simulator.gateway.sparkplug;

import java.util.Objects;
import org.smartcamp.ingest.wire.sparkplug.SparkplugTopic;
import org.smartcamp.ingest.wire.sparkplug.SparkplugTopic.Type;

/**
 * The Sparkplug B topics one edge node publishes on and listens to: {@code spBv1.0/{group}/{type}/{edgeNode}} and
 * {@code spBv1.0/{group}/{type}/{edgeNode}/{device}} (the layout is the ingest's {@link SparkplugTopic}). SmartCamp's
 * default mapping makes the group the mission and the edge node the camp; devices are the camp's assets.
 */
public record SparkplugTopics(String group, String edgeNode) {

    public SparkplugTopics {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(edgeNode, "edgeNode");
    }

    /** A node-level topic (NBIRTH, NDATA, NDEATH, NCMD). */
    public String node(Type type) {
        return SparkplugTopic.NAMESPACE + "/" + group + "/" + type + "/" + edgeNode;
    }

    /** A device-level topic (DBIRTH, DDATA, DDEATH, DCMD). */
    public String device(Type type, String device) {
        return node(type) + "/" + device;
    }

    /** Where hosts send this edge node's commands. */
    public String commands() {
        return SparkplugTopic.nodeCommand(group, edgeNode);
    }
}
