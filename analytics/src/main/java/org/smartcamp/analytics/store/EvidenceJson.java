package org.smartcamp.analytics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smartcamp.analytics.event.Evidence;

/**
 * The stored form of {@link Evidence}: {@code {"windowStart", "windowEnd", "metric", "readings": [{"ts",
 * "value"}], "figures": {..}, "explanation"}}, times as ISO-8601 UTC text. Figures that are not finite are
 * left out (JSON has no NaN).
 */
public final class EvidenceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceJson() {
    }

    /** The JSON text of {@code evidence}. */
    public static String write(Evidence evidence) {
        ObjectNode root = JSON.createObjectNode();
        root.put("windowStart", text(evidence.windowStart()));
        root.put("windowEnd", text(evidence.windowEnd()));
        root.put("metric", evidence.metric());
        ArrayNode readings = root.putArray("readings");
        for (Evidence.Point p : evidence.readings()) {
            readings.addObject().put("ts", p.ts().toString()).put("value", p.value());
        }
        ObjectNode figures = root.putObject("figures");
        new TreeMap<>(evidence.figures()).forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                figures.put(k, v);
            }
        });
        root.put("explanation", evidence.explanation());
        return root.toString();
    }

    /**
     * The evidence stored as {@code text}.
     *
     * @throws IllegalArgumentException when it is not evidence JSON
     */
    public static Evidence read(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            List<Evidence.Point> readings = new ArrayList<>();
            root.path("readings").forEach(p -> readings.add(new Evidence.Point(Instant.parse(p.get("ts").asText()),
                p.get("value").asDouble())));
            Map<String, Double> figures = new TreeMap<>();
            root.path("figures").properties().forEach(e -> figures.put(e.getKey(), e.getValue().asDouble()));
            return new Evidence(instant(root, "windowStart"), instant(root, "windowEnd"), textOrNull(root, "metric"),
                readings, figures, textOrNull(root, "explanation"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not evidence JSON: " + e.getMessage(), e);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(JsonNode root, String field) {
        String v = textOrNull(root, field);
        return v == null ? null : Instant.parse(v);
    }

    private static String textOrNull(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
