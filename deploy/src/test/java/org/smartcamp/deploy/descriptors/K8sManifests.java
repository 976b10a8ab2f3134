package org.smartcamp.deploy.descriptors;

import static org.smartcamp.deploy.descriptors.Descriptors.list;
import static org.smartcamp.deploy.descriptors.Descriptors.map;
import static org.smartcamp.deploy.descriptors.Descriptors.strings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The objects of deploy/k8s as kustomization.yaml assembles them (its resources and its image tags). */
final class K8sManifests {
    /** Stands for a value the cluster fills in (downward API, another Secret): present, but not known here. */
    static final String FROM_CLUSTER = "<from the cluster>";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    private final Map<String, Object> kustomization;
    private final List<Map<String, Object>> objects = new ArrayList<>();

    private K8sManifests() {
        kustomization = Descriptors.yaml(Descriptors.k8s().resolve("kustomization.yaml"));
        for (String resource : resources()) {
            Path file = Descriptors.k8s().resolve(resource);
            Descriptors.yamlDocuments(file).forEach(d -> objects.add(map(d, file.toString())));
        }
    }

    static K8sManifests load() {
        return new K8sManifests();
    }

    List<String> resources() {
        return strings(kustomization.get("resources"), "resources");
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(map(object.get("metadata"), "metadata").get("name"));
    }

    /** Deployments, StatefulSets, DaemonSets and Jobs. */
    List<Map<String, Object>> workloads() {
        return objects.stream().filter(o -> WORKLOADS.contains(String.valueOf(o.get("kind")))).toList();
    }

    static Map<String, Object> podTemplate(Map<String, Object> workload) {
        return map(map(workload.get("spec"), name(workload)).get("template"), name(workload) + " template");
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(podTemplate(workload).get("spec"), name(workload) + " pod spec");
    }

    static Map<String, String> podLabels(Map<String, Object> workload) {
        Map<String, String> labels = new LinkedHashMap<>();
        map(map(podTemplate(workload).get("metadata"), "pod metadata").get("labels"), "pod labels")
            .forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return labels;
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(podSpec(workload).get("containers"), name(workload) + " containers").stream()
            .map(c -> map(c, name(workload) + " container")).toList();
    }

    /** Every image of every container, with kustomization.yaml's {@code images} applied as kustomize does. */
    List<String> images() {
        Map<String, String> rewrite = new LinkedHashMap<>();
        for (Object i : list(kustomization.get("images"), "images")) {
            Map<String, Object> image = map(i, "image");
            String name = String.valueOf(image.getOrDefault("newName", image.get("name")));
            rewrite.put(String.valueOf(image.get("name")), name + ":" + image.getOrDefault("newTag", ""));
        }
        List<String> images = new ArrayList<>();
        for (Map<String, Object> w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                String image = String.valueOf(c.get("image"));
                images.add(rewrite.getOrDefault(image, image));
            }
        }
        return images;
    }

    /**
     * The environment a container gets: its ConfigMaps' data, the Secret's keys (secret.example.yaml names
     * them; their values are not known here) and its own {@code env} entries, which win.
     */
    Map<String, String> environment(Map<String, Object> container, Map<String, Object> secretExample) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"), "envFrom")) {
            Map<String, Object> source = map(from, "envFrom entry");
            if (source.containsKey("configMapRef")) {
                env.putAll(configMap(String.valueOf(map(source.get("configMapRef"), "ref").get("name"))));
            }
            if (source.containsKey("secretRef")) {
                map(secretExample.get("stringData"), "stringData").keySet().forEach(k -> env.put(k, FROM_CLUSTER));
            }
        }
        for (Object e : list(container.get("env"), "env")) {
            Map<String, Object> entry = map(e, "env entry");
            env.put(String.valueOf(entry.get("name")),
                entry.containsKey("value") ? String.valueOf(entry.get("value")) : FROM_CLUSTER);
        }
        return env;
    }

    Map<String, String> configMap(String name) {
        Map<String, String> data = new LinkedHashMap<>();
        ofKind("ConfigMap").stream().filter(c -> name.equals(name(c))).findFirst()
            .orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in deploy/k8s"))
            .entrySet().stream().filter(e -> "data".equals(e.getKey()))
            .forEach(e -> map(e.getValue(), "data").forEach((k, v) -> data.put(k, v == null ? "" : String.valueOf(v))));
        return data;
    }

    /** A container port given by number or by name, as a number. */
    static int resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        for (Object p : list(container.get("ports"), "ports")) {
            Map<String, Object> cp = map(p, "port");
            if (String.valueOf(port).equals(cp.get("name"))) {
                return (Integer) cp.get("containerPort");
            }
        }
        throw new AssertionError("container " + container.get("name") + " has no port named " + port);
    }
}
