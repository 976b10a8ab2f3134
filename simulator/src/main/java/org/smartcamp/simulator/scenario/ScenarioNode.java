package org.smartcamp.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.smartcamp.platform.Durations;
import org.smartcamp.platform.InvalidDurationException;

/**
 * One object of a scenario file with its path, so that every complaint names the file, the field and what
 * is wrong. Optional fields take the default given; unknown fields are refused (they are usually typos).
 */
final class ScenarioNode {
    private final String source;
    private final String path;
    private final JsonNode node;

    ScenarioNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    String path() {
        return path;
    }

    boolean has(String field) {
        JsonNode n = node.get(field);
        return n != null && !n.isNull();
    }

    ScenarioException error(String field, String problem) {
        return new ScenarioException(source, field == null ? path : fieldPath(field), problem);
    }

    /** Refuses any field not in {@code known}. */
    ScenarioNode allow(String... known) {
        if (!node.isObject()) {
            throw new ScenarioException(source, path, "must be a mapping of fields");
        }
        Set<String> allowed = Set.of(known);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    ScenarioNode object(String field) {
        if (!has(field)) {
            throw error(field, "is missing");
        }
        return new ScenarioNode(source, fieldPath(field), node.get(field));
    }

    ScenarioNode optionalObject(String field) {
        return has(field) ? object(field) : null;
    }

    /** The elements of a list field; an absent field is an empty list. */
    List<ScenarioNode> list(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode n = node.get(field);
        if (!n.isArray()) {
            throw error(field, "must be a list");
        }
        List<ScenarioNode> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(new ScenarioNode(source, fieldPath(field) + "[" + i + "]", n.get(i)));
        }
        return out;
    }

    String text(String field) {
        JsonNode n = required(field);
        if (!n.isTextual() && !n.isNumber()) {
            throw error(field, "must be text");
        }
        return n.asText();
    }

    String text(String field, String fallback) {
        return has(field) ? text(field) : fallback;
    }

    /** A text field that must be a valid id of the wire contract. */
    String id(String field) {
        String id = text(field);
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw error(field, "'" + id + "' is not an id (lower case letters, digits, '.', '_', '-'; at most 64)");
        }
        return id;
    }

    double number(String field) {
        JsonNode n = required(field);
        if (!n.isNumber()) {
            throw error(field, "must be a number, not '" + n.asText() + "'");
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw error(field, "must be finite");
        }
        return v;
    }

    double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    /** A number in [{@code min}, {@code max}]. */
    double range(String field, double fallback, double min, double max) {
        double v = number(field, fallback);
        if (v < min || v > max) {
            throw error(field, v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    double positive(String field) {
        double v = number(field);
        if (v <= 0) {
            throw error(field, "must be greater than zero, not " + v);
        }
        return v;
    }

    double positive(String field, double fallback) {
        return has(field) ? positive(field) : fallback;
    }

    int count(String field, int fallback, int min, int max) {
        double v = range(field, fallback, min, max);
        if (v != Math.rint(v)) {
            throw error(field, "must be a whole number, not " + v);
        }
        return (int) v;
    }

    boolean flag(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode n = node.get(field);
        if (!n.isBoolean()) {
            throw error(field, "must be true or false");
        }
        return n.booleanValue();
    }

    Duration duration(String field) {
        String text = text(field);
        try {
            return Durations.parse(field, text);
        } catch (InvalidDurationException e) {
            throw error(field, e.problem());
        }
    }

    Duration duration(String field, Duration fallback) {
        return has(field) ? duration(field) : fallback;
    }

    /** A duration longer than zero; required when {@code fallback} is {@code null}. */
    Duration positiveDuration(String field, Duration fallback) {
        Duration d = fallback == null ? duration(field) : duration(field, fallback);
        if (d.isZero()) {
            throw error(field, "must be longer than zero");
        }
        return d;
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw error(field, "'" + text + "' is not an ISO 8601 UTC instant such as 2026-03-02T00:00:00Z");
        }
    }

    /** A list of numbers. */
    List<Double> numbers(String field) {
        List<Double> out = new ArrayList<>();
        JsonNode n = required(field);
        if (!n.isArray()) {
            throw error(field, "must be a list of numbers");
        }
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isNumber()) {
                throw error(field + "[" + i + "]", "must be a number");
            }
            out.add(n.get(i).doubleValue());
        }
        return out;
    }

    /** A list of [a, b] number pairs, e.g. a strapping table. */
    List<double[]> pairs(String field) {
        List<double[]> out = new ArrayList<>();
        JsonNode n = required(field);
        if (!n.isArray()) {
            throw error(field, "must be a list of [a, b] pairs");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode p = n.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw error(field + "[" + i + "]", "must be a pair of numbers [a, b]");
            }
            out.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()});
        }
        return out;
    }

    private JsonNode required(String field) {
        if (!has(field)) {
            throw error(field, "is missing");
        }
        return node.get(field);
    }

    private String fieldPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
