package org.smartcamp.ingest.wire.sparkplug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the ingest knows of one edge node's session, after a message: immutable, so that the state after each
 * message can be handed to the store (committed with that message's readings) while later messages move on. The
 * alias map is replaced only by births, so a data message's new state shares it.
 *
 * @param born    whether the node is online (an NBIRTH seen, no NDEATH since)
 * @param bdSeq   the birth/death sequence number of its current session, or {@code null} when its NBIRTH had none
 * @param seq     the sequence number of its last message (0 to 255)
 * @param aliases alias -> metric, from the NBIRTH and the DBIRTHs
 * @param devices devices born since the NBIRTH and not dead since
 */
record NodeSession(boolean born, Long bdSeq, int seq, Map<Long, MetricDef> aliases, Set<String> devices) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A metric declared in a birth. */
    record MetricDef(String device, String name, int datatype) {
    }

    /** The session after a data message with sequence number {@code next}. */
    NodeSession advance(int next) {
        return new NodeSession(born, bdSeq, next, aliases, devices);
    }

    /** The session after a DBIRTH of {@code device} declaring {@code declared} (alias -> metric). */
    NodeSession withDevice(String device, int next, Map<Long, MetricDef> declared) {
        Map<Long, MetricDef> all = new HashMap<>();
        aliases.forEach((alias, def) -> {
            if (!device.equals(def.device())) {
                all.put(alias, def);
            }
        });
        all.putAll(declared);
        Set<String> born = new HashSet<>(devices);
        born.add(device);
        return new NodeSession(true, bdSeq, next, Map.copyOf(all), Set.copyOf(born));
    }

    /** The session after a DDEATH of {@code device}: its aliases are forgotten until its next DBIRTH. */
    NodeSession withoutDevice(String device, int next) {
        Map<Long, MetricDef> all = new HashMap<>(aliases);
        all.values().removeIf(def -> device.equals(def.device()));
        Set<String> left = new HashSet<>(devices);
        left.remove(device);
        return new NodeSession(born, bdSeq, next, Map.copyOf(all), Set.copyOf(left));
    }

    /** The session after the node's NDEATH. */
    NodeSession dead() {
        return new NodeSession(false, bdSeq, seq, Map.of(), Set.of());
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("born", born);
        if (bdSeq != null) {
            o.put("bdSeq", bdSeq);
        }
        o.put("seq", seq);
        ArrayNode d = o.putArray("devices");
        devices.stream().sorted().forEach(d::add);
        ArrayNode a = o.putArray("aliases");
        aliases.forEach((alias, def) -> {
            ObjectNode m = a.addObject();
            m.put("alias", alias);
            if (def.device() != null) {
                m.put("device", def.device());
            }
            m.put("name", def.name());
            m.put("datatype", def.datatype());
        });
        return o.toString();
    }

    /**
     * Reads a stored session.
     *
     * @throws IllegalArgumentException when the text is not one this class wrote
     */
    static NodeSession fromJson(String text) {
        try {
            JsonNode o = JSON.readTree(text);
            Set<String> devices = new HashSet<>();
            o.path("devices").forEach(n -> devices.add(n.asText()));
            Map<Long, MetricDef> aliases = new HashMap<>();
            for (JsonNode m : o.path("aliases")) {
                aliases.put(m.get("alias").asLong(), new MetricDef(m.hasNonNull("device") ? m.get("device").asText()
                    : null, m.get("name").asText(), m.get("datatype").asInt()));
            }
            return new NodeSession(o.get("born").asBoolean(), o.hasNonNull("bdSeq") ? o.get("bdSeq").asLong() : null,
                o.get("seq").asInt(), Map.copyOf(aliases), Set.copyOf(devices));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored Sparkplug session: " + e.getMessage(), e);
        }
    }
}
