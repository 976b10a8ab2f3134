package org.smartcamp.deploy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the configuration: built-in defaults, overridden by the YAML config file (if any), overridden by
 * {@code SMARTCAMP_*} environment variables. Unknown keys in the file and {@code SMARTCAMP_*} variables that name no
 * key are errors, so typos do not pass silently.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    /** Variables that bin/smartcamp and the launcher read themselves (docs/configuration.md). */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("SMARTCAMP_CONFIG", "SMARTCAMP_JAR", "SMARTCAMP_DEBUG");

    private ConfigLoader() {
    }

    /**
     * @param file the config file, or {@code null} for none
     * @param env  the environment (System.getenv() in the launcher)
     * @throws ConfigException when the file cannot be read, is not valid YAML, or names an unknown key, or when a
     *     {@code SMARTCAMP_*} variable names no key (other than the launcher's own and {@code SMARTCAMP_TEST_*})
     */
    public static Settings load(Path file, Map<String, String> env) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);
        if (file != null) {
            readFile(file, values, sources);
        }
        checkVariables(env);
        for (ConfigKey key : ConfigKey.values()) {
            String v = env.get(key.envVar());
            if (v != null) {
                values.put(key, v);
                sources.put(key, "environment variable " + key.envVar());
            }
        }
        return new Settings(values, sources);
    }

    /**
     * A {@code SMARTCAMP_*} variable that names no key is an error, as an unknown key in the file is: a misspelled
     * {@code SMARTCAMP_MQTT_URLL} would otherwise leave the default in force without a word. The launcher's own
     * variables and the tests' are not configuration keys.
     */
    private static void checkVariables(Map<String, String> env) {
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith("SMARTCAMP_") && !LAUNCHER_VARIABLES.contains(name)
                && !name.startsWith("SMARTCAMP_TEST_") && ConfigKey.byEnvVar(name) == null) {
                throw new ConfigException("environment variable " + name + ": unknown key (docs/configuration.md"
                    + " lists every key and its variable)");
            }
        }
    }

    private static void readFile(Path file, Map<ConfigKey, String> values, Map<ConfigKey, String> sources) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
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
        for (Map.Entry<String, JsonNode> e : node.properties()) {
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
