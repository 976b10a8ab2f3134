package org.smartcamp.ingest.wire.sparkplug;

import java.util.Map;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireFormatException;

/**
 * From Sparkplug names to SmartCamp's: group -> mission, edge node -> camp (and gateway), device -> asset, metric
 * name -> metric. By default every name is its SmartCamp id as it is; the inventory may override a camp's group and
 * edge node, an asset's device name and metric names (docs/inventory.md, key {@code sparkplug}).
 *
 * @param camps   edge node key ({@code group/edge node}) -> the mission and camp it stands for
 * @param devices {@code group/edge node/device} -> asset id
 * @param metrics Sparkplug metric name -> SmartCamp metric name
 */
public record SparkplugMapping(Map<String, Camp> camps, Map<String, String> devices, Map<String, String> metrics) {
    /** Every name as it is. */
    public static final SparkplugMapping DEFAULT = new SparkplugMapping(Map.of(), Map.of(), Map.of());

    /** A camp as an edge node stands for it. */
    public record Camp(String mission, String camp) {
    }

    public SparkplugMapping {
        camps = Map.copyOf(camps);
        devices = Map.copyOf(devices);
        metrics = Map.copyOf(metrics);
    }

    /**
     * The mission, camp and gateway of an edge node; the gateway id is the edge node id.
     *
     * @throws WireFormatException {@code invalid_topic} when the names are not SmartCamp ids and no mapping is set
     */
    public TopicAddress address(String group, String edgeNode) {
        Camp c = camps.get(group + "/" + edgeNode);
        String mission = c == null ? group : c.mission();
        String camp = c == null ? edgeNode : c.camp();
        String gateway = TopicAddress.ID.matcher(edgeNode).matches() ? edgeNode : camp;
        for (String id : new String[] {mission, camp}) {
            if (!TopicAddress.ID.matcher(id).matches()) {
                throw new WireFormatException(RejectReason.INVALID_TOPIC, "Sparkplug group '" + group
                    + "' / edge node '" + edgeNode + "' are not SmartCamp ids (" + TopicAddress.ID.pattern()
                    + ") and no inventory camp maps them (sparkplug: {group, edgeNode})");
            }
        }
        return new TopicAddress(mission, camp, gateway);
    }

    /** The asset id a device stands for. */
    public String asset(String group, String edgeNode, String device) {
        return devices.getOrDefault(group + "/" + edgeNode + "/" + device, device);
    }

    /** The SmartCamp metric name of a Sparkplug metric name. */
    public String metric(String name) {
        return metrics.getOrDefault(name, name);
    }
}
