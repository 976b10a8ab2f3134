package org.smartcamp.deploy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the configuration: built-in defaults, overridden by the YAML config file (if any), overridden by
 * {@code SMARTCAMP_*} environment variables. Unknown keys in the file are errors, so typos do not pass silently.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    /**
     * @param file the config file, or {@code null} for none
     * @param env  the environment (System.getenv() in the launcher)
     * @throws ConfigException when the file cannot be read, is not valid YAML, or names an unknown key
     */
    public static Settings load(Path file, Map<String, String> env) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);
        if (file != null) {
            readFile(file, values, sources);
        }
        for (ConfigKey key : ConfigKey.values()) {
            String v = env.get(key.envVar());
            if (v != null) {
                values.put(key, v);
                sources.put(key, "environment variable " + key.envVar());
            }
        }
        return new Settings(values, sources);
    }

    private static void readFile(Path file, Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigException("config file " + file + " must be a YAML mapping of keys");
        }
        flatten("", root, file, values, sources);
    }

    private static void flatten(String prefix, JsonNode node, Path file, Map<ConfigKey, String> values,
                                Map<ConfigKey, String> sources) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), file, values, sources);
                continue;
            }
            ConfigKey k = ConfigKey.byKey(key);
            if (k == null) {
                throw new ConfigException("config file " + file + ": unknown key '" + key
                    + "' (docs/configuration.md lists every key)");
            }
            values.put(k, e.getValue().isNull() ? "" : e.getValue().asText());
            sources.put(k, file.toString());
        }
    }
}
