package org.smartcamp.ingest.inventory;

import java.util.HashMap;
import java.util.Map;
import org.smartcamp.ingest.wire.ReadingValidator;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * The Sparkplug B names an inventory gives its camps, assets and metrics (docs/inventory.md, section Sparkplug B),
 * where they differ from the SmartCamp ids: a camp's {@code sparkplug: {group, edgeNode}}, an asset's
 * {@code sparkplug: {device}}, and top-level {@code sparkplug: {metrics: {sparkplug name: metric}}}.
 *
 * @param camps   {@code group/edge node} -> {@code mission/camp}
 * @param devices {@code group/edge node/device} -> asset id
 * @param metrics Sparkplug metric name -> SmartCamp metric name
 */
public record SparkplugNames(Map<String, String> camps, Map<String, String> devices, Map<String, String> metrics) {
    /** No names set: every Sparkplug name is the SmartCamp id. */
    public static final SparkplugNames NONE = new SparkplugNames(Map.of(), Map.of(), Map.of());
    private static final int MAX_NAME = 128;

    public SparkplugNames {
        camps = Map.copyOf(camps);
        devices = Map.copyOf(devices);
        metrics = Map.copyOf(metrics);
    }

    /** Collects the names while an inventory is read; refuses a bad or a repeated name with its field. */
    static final class Builder {
        private final Map<String, String> camps = new HashMap<>();
        private final Map<String, String> devices = new HashMap<>();
        private final Map<String, String> metrics = new HashMap<>();

        /** The top-level {@code sparkplug: {metrics: {...}}}. */
        void metrics(InventoryNode root) {
            if (!root.has("sparkplug")) {
                return;
            }
            InventoryNode s = root.object("sparkplug");
            s.onlyFields(java.util.Set.of("metrics"));
            if (!s.has("metrics")) {
                return;
            }
            InventoryNode m = s.object("metrics");
            ReadingValidator validator = new ReadingValidator(WireLimits.V1);
            m.json().fieldNames().forEachRemaining(name -> {
                String metric = m.text(name, true);
                try {
                    validator.metric(metric);
                } catch (WireFormatException e) {
                    throw m.error(name, e.getMessage());
                }
                metrics.put(name, metric);
            });
        }

        /** A camp's {@code sparkplug: {group, edgeNode}} and its assets' {@code sparkplug: {device}}. */
        void camp(InventoryNode c, String missionId, Inventory.Camp camp) {
            String group = missionId;
            String node = camp.id();
            if (c.has("sparkplug")) {
                InventoryNode s = c.object("sparkplug");
                s.onlyFields(java.util.Set.of("group", "edgeNode"));
                group = name(s, "group", missionId);
                node = name(s, "edgeNode", camp.id());
                String key = group + "/" + node;
                String previous = camps.putIfAbsent(key, missionId + "/" + camp.id());
                if (previous != null) {
                    throw s.error("edgeNode", "Sparkplug edge node '" + key + "' is already camp " + previous);
                }
            }
            java.util.List<InventoryNode> assets = c.list("assets");
            for (int i = 0; i < assets.size(); i++) {
                InventoryNode a = assets.get(i);
                if (a.has("sparkplug")) {
                    InventoryNode s = a.object("sparkplug");
                    s.onlyFields(java.util.Set.of("device"));
                    String key = group + "/" + node + "/" + name(s, "device", null);
                    if (devices.putIfAbsent(key, camp.assets().get(i).id()) != null) {
                        throw s.error("device", "Sparkplug device '" + key + "' names another asset already");
                    }
                }
            }
        }

        SparkplugNames build() {
            return new SparkplugNames(camps, devices, metrics);
        }

        private static String name(InventoryNode s, String field, String otherwise) {
            String v = s.text(field, otherwise == null);
            if (v == null) {
                return otherwise;
            }
            if (v.isEmpty() || v.length() > MAX_NAME || v.contains("/") || v.contains("+") || v.contains("#")) {
                throw s.error(field, "'" + v + "' is not a Sparkplug id (1 to " + MAX_NAME
                    + " characters without '/', '+' or '#')");
            }
            return v;
        }
    }
}
