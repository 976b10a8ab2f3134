package org.smartcamp.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.edge.BridgeConfigWriter;
import org.smartcamp.deploy.edge.BridgeSpec;
import org.smartcamp.ingest.inventory.InventoryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smartcamp edge}: what a camp's edge node needs to forward its telemetry to headquarters (docs/edge.md). */
@Command(name = "edge", description = "A camp's edge node: its own broker and SmartCamp, bridged to headquarters "
    + "(docs/edge.md).", subcommands = EdgeCommand.BridgeConfig.class)
final class EdgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code smartcamp edge bridge-config}: the camp broker's Mosquitto bridge to headquarters, from the inventory. */
    @Command(name = "bridge-config", description = "Write the camp broker's Mosquitto bridge to the headquarters "
        + "broker for one camp of the inventory: its topics only, QoS 1, persistent sessions; TLS and credentials by "
        + "file, never a secret in the output. Optionally the ACL block headquarters needs for the bridge's user.")
    static final class BridgeConfig implements Callable<Integer> {
        @Option(names = "--inventory", paramLabel = "FILE", required = true,
            description = "The inventory file that names the camp (docs/inventory.md).")
        Path inventory;

        @Option(names = "--camp", paramLabel = "ID", required = true, description = "The camp this edge node runs.")
        String camp;

        @Option(names = "--hq-host", paramLabel = "HOST", required = true,
            description = "Host name of headquarters' broker.")
        String hqHost;

        @Option(names = "--hq-port", paramLabel = "PORT", defaultValue = "8883",
            description = "Its port (default ${DEFAULT-VALUE}, TLS).")
        int hqPort;

        @Option(names = "--cafile", paramLabel = "PATH",
            description = "CA of headquarters' broker certificate, as the camp broker sees the file.")
        String cafile;

        @Option(names = "--certfile", paramLabel = "PATH", description = "The bridge's client certificate (TLS).")
        String certfile;

        @Option(names = "--keyfile", paramLabel = "PATH", description = "Its private key.")
        String keyfile;

        @Option(names = "--no-tls", description = "Plain MQTT: only over a link that is encrypted already (a VPN).")
        boolean noTls;

        @Option(names = "--username", paramLabel = "NAME",
            description = "The bridge's user at headquarters (default bridge@MISSION@CAMP).")
        String username;

        @Option(names = "--password-file", paramLabel = "PATH", description = "The file holding the bridge's "
            + "password, which the broker's start appends as remote_password (compose.edge.yaml does it).")
        String passwordFile;

        @Option(names = "--sparkplug", description = "Also bridge the camp's Sparkplug B edge node (its births, data "
            + "and deaths out; its rebirth commands in).")
        boolean sparkplug;

        @Option(names = "--reconnect-min", paramLabel = "SECONDS", defaultValue = "10",
            description = "First wait before the bridge reconnects (default ${DEFAULT-VALUE}).")
        int reconnectMin;

        @Option(names = "--reconnect-max", paramLabel = "SECONDS", defaultValue = "300",
            description = "Longest wait, backing off from the first (default ${DEFAULT-VALUE}).")
        int reconnectMax;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the bridge (default: stdout).")
        Path out;

        @Option(names = "--hq-acl", paramLabel = "FILE",
            description = "Also write the ACL block headquarters' broker needs for the bridge's user.")
        Path hqAcl;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(inventory)) {
                throw new ConfigException("--inventory: " + inventory + " is not a file");
            }
            BridgeSpec bridge;
            try {
                BridgeSpec.Located c = BridgeSpec.locate(InventoryLoader.load(inventory), camp, sparkplug);
                BridgeSpec.Tls tls = noTls ? null : new BridgeSpec.Tls(cafile, certfile, keyfile);
                if (noTls && (cafile != null || certfile != null || keyfile != null)) {
                    throw new IllegalArgumentException("--no-tls: no --cafile, --certfile or --keyfile with it");
                }
                bridge = new BridgeSpec(c.mission(), c.camp(), c.sparkplug(), hqHost, hqPort, tls,
                    username != null ? username : BridgeSpec.defaultUsername(c.mission(), c.camp()), passwordFile,
                    reconnectMin, reconnectMax);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
            String conf = BridgeConfigWriter.conf(bridge, commandLine());
            PrintWriter stdout = spec.commandLine().getOut();
            if (out == null) {
                stdout.print(conf);
            } else {
                Files.writeString(out, conf);
                stdout.println("bridge of camp " + bridge.camp() + " to " + hqHost + ":" + hqPort + " written to "
                    + out);
            }
            if (hqAcl != null) {
                Files.writeString(hqAcl, BridgeConfigWriter.hqAcl(bridge));
                stdout.println("headquarters' ACL block for user " + bridge.username() + " written to " + hqAcl);
            }
            stdout.flush();
            return 0;
        }

        /** The command line that makes this output again (what the output's header says it came from). */
        private String commandLine() {
            List<String> a = new ArrayList<>(List.of("edge", "bridge-config", "--inventory", inventory.toString(),
                "--camp", camp, "--hq-host", hqHost, "--hq-port", Integer.toString(hqPort)));
            option(a, "--cafile", cafile);
            option(a, "--certfile", certfile);
            option(a, "--keyfile", keyfile);
            if (noTls) {
                a.add("--no-tls");
            }
            option(a, "--username", username);
            option(a, "--password-file", passwordFile);
            if (sparkplug) {
                a.add("--sparkplug");
            }
            a.addAll(List.of("--reconnect-min", Integer.toString(reconnectMin), "--reconnect-max",
                Integer.toString(reconnectMax)));
            return String.join(" ", a);
        }

        private static void option(List<String> args, String name, String value) {
            if (value != null) {
                args.add(name);
                args.add(value);
            }
        }
    }
}
