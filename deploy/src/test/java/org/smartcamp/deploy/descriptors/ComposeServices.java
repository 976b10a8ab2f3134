package org.smartcamp.deploy.descriptors;

import static org.smartcamp.deploy.descriptors.Descriptors.environment;
import static org.smartcamp.deploy.descriptors.Descriptors.map;
import static org.smartcamp.deploy.descriptors.Descriptors.strings;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The services of a compose file, with anchors and merge keys resolved. */
final class ComposeServices {
    private final Map<String, Service> services = new LinkedHashMap<>();

    private ComposeServices(Map<String, Object> file) {
        map(file.get("services"), "services").forEach((name, raw) -> services.put(name, new Service(name,
            map(raw, name))));
    }

    static ComposeServices load() {
        return load("compose.yaml");
    }

    static ComposeServices load(String file) {
        return new ComposeServices(Descriptors.yaml(Descriptors.compose().resolve(file)));
    }

    Map<String, Service> all() {
        return services;
    }

    /** The services that run the SmartCamp image (their command is a launcher command). */
    Map<String, Service> smartcamp() {
        Map<String, Service> ours = new LinkedHashMap<>();
        services.forEach((name, s) -> {
            if (String.valueOf(s.raw().get("image")).startsWith("smartcamp:")) {
                ours.put(name, s);
            }
        });
        return ours;
    }

    /** One service: its mapping as written, its command, its environment and the container ports it opens. */
    record Service(String name, Map<String, Object> raw) {
        List<String> command() {
            return strings(raw.get("command"), name + " command");
        }

        Map<String, String> env() {
            return environment(raw.get("environment"), name + " environment");
        }

        /** Ports in {@code expose} and the container side of {@code ports} ("[host:]published:container"). */
        Set<Integer> containerPorts() {
            Set<Integer> ports = new LinkedHashSet<>();
            strings(raw.get("expose"), name + " expose").forEach(p -> ports.add(Integer.parseInt(p)));
            for (String p : strings(raw.get("ports"), name + " ports")) {
                String container = p.substring(p.lastIndexOf(':') + 1);
                ports.add(Integer.parseInt(container.replaceAll("/(tcp|udp)$", "")));
            }
            return ports;
        }
    }
}
