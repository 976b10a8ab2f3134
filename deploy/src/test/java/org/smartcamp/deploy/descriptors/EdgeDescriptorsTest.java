package org.smartcamp.deploy.descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.deploy.descriptors.Descriptors.compose;
import static org.smartcamp.deploy.descriptors.Descriptors.strings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.deploy.cli.SmartCamp;
import picocli.CommandLine;

/**
 * deploy/compose/compose.edge.yaml, a camp's edge node (docs/edge.md), agrees with the code: launcher commands and
 * configuration keys exist, secrets come from .env and secret files, every SmartCamp process has a bounded heap
 * below its container's memory limit, and the broker is the shipped configuration with the bridge that
 * {@code smartcamp edge bridge-config} generates appended, every file that bridge names mounted.
 */
class EdgeDescriptorsTest {
    private static final String FILE = "compose.edge.yaml";
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]*}");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");
    private static final Pattern MEM = Pattern.compile("(\\d+)m");
    private final KnownConfig known = new KnownConfig();
    private final ComposeServices edge = ComposeServices.load(FILE);

    @Test
    void theEdgeNodeRunsTheCampsOwnSmartCampWithRealCommandsAndKeys() {
        Set<String> commands = new TreeSet<>();
        edge.smartcamp().forEach((name, service) -> {
            known.checkCommandLine(service.command());
            commands.add(service.command().get(0));
            service.env().keySet().stream().filter(v -> v.startsWith("SMARTCAMP_"))
                .forEach(v -> assertThat(known.isRead(v)).as("%s sets %s, a configuration key", name, v).isTrue());
            service.env().forEach((var, value) -> {
                if (known.isSecret(var)) {
                    assertThat(value).as("%s's %s comes from .env", name, var).matches(REQUIRED.pattern());
                }
            });
        });
        assertThat(commands).contains("migrate", "ingest", "analytics", "api");
        assertThat(edge.all()).containsKeys("mosquitto", "timescaledb");
    }

    @Test
    void everySmartCampProcessHasABoundedHeapBelowItsMemoryLimit() {
        edge.smartcamp().forEach((name, service) -> {
            Matcher heap = XMX.matcher(service.env().getOrDefault("JAVA_TOOL_OPTIONS", ""));
            assertThat(heap.find()).as("%s sets -Xmx in megabytes", name).isTrue();
            long heapMb = Long.parseLong(heap.group(1));
            assertThat(heapMb).as("%s heap on a small machine", name).isLessThanOrEqualTo(256);
            if (!"migrate".equals(service.command().get(0))) {
                Matcher limit = MEM.matcher(String.valueOf(service.raw().get("mem_limit")));
                assertThat(limit.matches()).as("%s mem_limit in megabytes", name).isTrue();
                assertThat(Long.parseLong(limit.group(1))).as("%s mem_limit above its heap", name)
                    .isGreaterThan(heapMb);
            }
            if ("ingest".equals(service.command().get(0))) {
                long window = Long.parseLong(known.value(service.env(), "SMARTCAMP_MQTT_RECEIVE_MAXIMUM"))
                    * Long.parseLong(known.value(service.env(), "SMARTCAMP_WIRE_MAX_PAYLOAD_BYTES"));
                assertThat(window).as("receive window within the ingest's heap budget (HeapBudget: 60 %)")
                    .isLessThanOrEqualTo(heapMb * (1L << 20) * 6 / 10);
            }
        });
    }

    @Test
    void everyVariableTheEdgeNodeRequiresIsInTheEnvExample() throws Exception {
        Matcher m = REQUIRED.matcher(Files.readString(compose().resolve(FILE)));
        String example = Files.readString(compose().resolve(".env.example"));
        while (m.find()) {
            assertThat(example).as(".env.example names %s", m.group(1)).containsPattern("(?m)^" + m.group(1) + "=");
        }
    }

    @Test
    void theBrokerIsTheShippedConfigurationWithTheGeneratedBridgeAndEveryFileItNamesMounted(@TempDir Path dir)
        throws Exception {
        Map<String, Object> broker = edge.all().get("mosquitto").raw();
        String command = String.join(" ", strings(broker.get("command"), "command"));
        assertThat(command).as("the bridge appended to the shipped configuration, then the password from the secret")
            .contains("cat /mosquitto/config/mosquitto.conf /mosquitto/config/bridge.conf > /tmp/mosquitto.conf")
            .contains("remote_password %s").contains("$$(cat /run/secrets/hq-bridge-password)")
            .contains("exec mosquitto -c /tmp/mosquitto.conf");
        Map<String, String> mounts = new LinkedHashMap<>();
        for (String v : strings(broker.get("volumes"), "volumes")) {
            String[] parts = v.split(":");
            mounts.put(parts[1], parts[0]);
        }
        assertThat(mounts).containsEntry("/mosquitto/config/mosquitto.conf", "../mosquitto/mosquitto.conf")
            .containsEntry("/mosquitto/config/acl", "../mosquitto/acl")
            .containsEntry("/mosquitto/config/bridge.conf", "./edge/bridge.conf")
            .containsEntry("/mosquitto/data", "mosquitto-data");
        assertThat(strings(broker.get("secrets"), "secrets")).containsExactly("hq-bridge-password");

        Path inventory = Descriptors.deploy().resolve("config/inventory.example.yaml");
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SmartCamp()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(
            "edge", "bridge-config", "--inventory", inventory.toString(), "--camp", "juba1", "--hq-host",
            "hq.example.org", "--cafile", "/mosquitto/certs/hq-ca.crt", "--password-file",
            "/run/secrets/hq-bridge-password", "--out", dir.resolve("bridge.conf").toString());
        assertThat(exit).as(out.toString()).isZero();
        Set<String> named = Mosquitto.files(dir.resolve("bridge.conf"));
        named.addAll(Mosquitto.files(Descriptors.deploy().resolve("mosquitto/mosquitto.conf")));
        for (String line : Files.readAllLines(dir.resolve("bridge.conf"))) {
            if (line.startsWith("bridge_cafile ") || line.startsWith("bridge_certfile ")
                || line.startsWith("bridge_keyfile ")) {
                named.add(line.split("\\s+")[1]);
            }
        }
        assertThat(named).contains("/mosquitto/certs/hq-ca.crt", "/mosquitto/config/passwd");
        for (String path : named) {
            assertThat(mounts.keySet()).as("a mount provides %s", path).contains(path);
        }
        assertThat(Files.readString(dir.resolve("bridge.conf")).toLowerCase(Locale.ROOT))
            .as("the generated bridge names the secret the compose file mounts")
            .contains("/run/secrets/hq-bridge-password");
    }

    @Test
    void theEdgePageShowsOnlyLauncherCommandLinesThatParse() throws Exception {
        List<List<String>> lines = LauncherLines.inCodeBlocks(Files.readString(Descriptors.deploy()
            .resolveSibling("docs/edge.md")));
        lines.forEach(known::checkCommandLine);
        assertThat(lines.stream().map(l -> l.get(0) + " " + l.get(1)).toList()).contains("edge bridge-config");
    }

    @Test
    void theEdgeNodesImagesArePinned() {
        List<String> images = edge.all().values().stream().map(s -> String.valueOf(s.raw().get("image"))).toList();
        for (String image : images) {
            String resolved = image.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
            assertThat(resolved.substring(resolved.lastIndexOf(':') + 1)).as("tag of %s", image).isNotBlank()
                .isNotEqualTo("latest").doesNotContain("/");
        }
    }
}
