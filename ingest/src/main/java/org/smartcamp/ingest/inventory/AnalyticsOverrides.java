package org.smartcamp.ingest.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the {@code analytics} field of a camp or an asset: the analytics settings that differ from the defaults,
 * e.g. {@code analytics: {fuel.theftMinLitres: 30}} or nested, {@code analytics: {fuel: {theftMinLitres: 30}}}.
 * Nested mappings are flattened to dotted keys; values are scalars, kept as text (the analyzer that reads a key
 * checks its value). The store keeps them as {@code attributes.analytics}.
 */
final class AnalyticsOverrides {
    /** The field in the file, and the key under {@code attributes} in the database. */
    static final String FIELD = "analytics";
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    private AnalyticsOverrides() {
    }

    /** The flattened overrides of {@code node} (empty when it has none), sorted by key. */
    static Map<String, String> read(InventoryNode node) {
        InventoryNode field = node.object(FIELD);
        Map<String, String> out = new TreeMap<>();
        if (field != null) {
            flatten(field, "", field.json(), out);
        }
        return out;
    }

    private static void flatten(InventoryNode field, String prefix, JsonNode json, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (!KEY.matcher(key).matches()) {
                throw field.error(key, "is not a settings key such as fuel.theftMinLitres");
            }
            if (v.isObject()) {
                flatten(field, key + ".", v, out);
            } else if (v.isValueNode() && !v.isNull()) {
                out.put(key, v.asText());
            } else {
                throw field.error(key, "must be a number, text or true/false");
            }
        }
    }
}
