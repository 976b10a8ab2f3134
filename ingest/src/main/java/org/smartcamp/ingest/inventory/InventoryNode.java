package org.smartcamp.ingest.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A node of an inventory file with its path, so every error names the field: {@code camps[1].assets[0].id}. */
final class InventoryNode {
    private final String file;
    private final String path;
    private final JsonNode json;

    InventoryNode(String file, String path, JsonNode json) {
        this.file = file;
        this.path = path;
        this.json = json;
    }

    InventoryException error(String field, String what) {
        String where = path.isEmpty() ? field : field == null ? path : path + "." + field;
        return new InventoryException(file + ": " + where + ": " + what);
    }

    void onlyFields(Set<String> allowed) {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown field; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    boolean has(String field) {
        return json.hasNonNull(field);
    }

    String text(String field, boolean required) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(field, "is required");
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw error(field, "must be text");
        }
        return v.asText();
    }

    /** A boolean, or {@code null} when absent. */
    Boolean bool(String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, not '" + v.asText() + "'");
        }
        return v.booleanValue();
    }

    /** A number, or {@code null} when absent; {@code min} is exclusive when {@code strict}. */
    Double number(String field, boolean required, double min, boolean strict, double max) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(field, "is required");
            }
            return null;
        }
        if (!v.isNumber()) {
            throw error(field, "must be a number, not '" + v.asText() + "'");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || (strict ? d <= min : d < min) || d > max) {
            throw error(field, "must be " + (strict ? "greater than " : "at least ") + min
                + (max < Double.MAX_VALUE ? " and at most " + max : "") + ", not " + d);
        }
        return d;
    }

    InventoryNode object(String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw error(field, "must be a mapping");
        }
        return new InventoryNode(file, join(field), v);
    }

    /** The elements of a list field (empty when absent). */
    List<InventoryNode> list(String field) {
        JsonNode v = json.get(field);
        List<InventoryNode> items = new ArrayList<>();
        if (v == null || v.isNull()) {
            return items;
        }
        if (!v.isArray()) {
            throw error(field, "must be a list");
        }
        for (int i = 0; i < v.size(); i++) {
            items.add(new InventoryNode(file, join(field) + "[" + i + "]", v.get(i)));
        }
        return items;
    }

    JsonNode json() {
        return json;
    }

    boolean isObject() {
        return json.isObject();
    }

    private String join(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
