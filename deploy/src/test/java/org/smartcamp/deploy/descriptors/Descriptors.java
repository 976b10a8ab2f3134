package org.smartcamp.deploy.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.smartcamp.deploy.testsupport.ProjectFiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the deployment descriptors under deploy/ as plain maps and lists. YAML goes through SnakeYAML, which
 * resolves anchors and merge keys ({@code <<: *x}) the way docker compose does; SnakeYAML is on the classpath
 * through jackson-dataformat-yaml (compile scope via ingest), so it is not declared again here: a test-scoped
 * declaration would drop it from the runnable jar.
 */
final class Descriptors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Descriptors() {
    }

    static Path deploy() {
        return ProjectFiles.root().resolve("deploy");
    }

    static Path compose() {
        return deploy().resolve("compose");
    }

    static Path k8s() {
        return deploy().resolve("k8s");
    }

    /** Every descriptor file under deploy/ with one of the extensions, outside src/ and target/. */
    static List<Path> files(String... extensions) {
        try (Stream<Path> walk = Files.walk(deploy())) {
            return walk.filter(Files::isRegularFile)
                .filter(p -> !deploy().relativize(p).startsWith("src") && !deploy().relativize(p).startsWith("target"))
                .filter(p -> Stream.of(extensions).anyMatch(e -> p.getFileName().toString().endsWith(e)))
                .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML file; fails with the file's name when it does not parse. */
    static List<Object> yamlDocuments(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Object> docs = new ArrayList<>();
        try {
            for (Object doc : yaml.loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** The single document of a YAML file, as a map. */
    static Map<String, Object> yaml(Path file) {
        List<Object> docs = yamlDocuments(file);
        assertThat(docs).as("documents in %s", file).hasSize(1);
        return map(docs.get(0), file.toString());
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        assertThat(value).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).as(what + " is a list").isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** A list of strings (a command, a port list); a single string counts as a one-element list. */
    static List<String> strings(Object value, String what) {
        if (value instanceof String s) {
            return List.of(s);
        }
        return list(value, what).stream().map(String::valueOf).toList();
    }

    /** compose's {@code environment}, given as a mapping or as a list of NAME=value. */
    static Map<String, String> environment(Object value, String what) {
        Map<String, String> env = new LinkedHashMap<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        } else {
            map(value, what).forEach((k, v) -> env.put(k, v == null ? "" : String.valueOf(v)));
        }
        return env;
    }
}
