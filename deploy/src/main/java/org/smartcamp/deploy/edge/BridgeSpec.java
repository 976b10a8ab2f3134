package org.smartcamp.deploy.edge;

import java.util.Map;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * What a camp's Mosquitto bridge to the headquarters broker is made of (docs/edge.md): the camp (and its mission,
 * from the inventory), where headquarters listens, how the bridge proves who it is (by files, never by a secret
 * written in the configuration), and how soon it tries again after the link drops.
 *
 * @param mission        the camp's mission id
 * @param camp           the camp id
 * @param sparkplug      the camp's Sparkplug B group and edge node, or null when the camp does not speak it
 * @param hqHost         the headquarters broker's host name
 * @param hqPort         its port (8883 for TLS)
 * @param tls            the TLS files, or null for plain MQTT (a link already encrypted, a lab)
 * @param username       the bridge's user at headquarters
 * @param passwordFile   the file the camp broker's start appends the password from, or null (client certificate)
 * @param reconnectMin   first wait before reconnecting, in seconds
 * @param reconnectMax   longest wait before reconnecting, in seconds
 */
public record BridgeSpec(String mission, String camp, SparkplugNode sparkplug, String hqHost, int hqPort, Tls tls,
                         String username, String passwordFile, int reconnectMin, int reconnectMax) {

    /** The camp's Sparkplug B names: group (the mission by default) and edge node (the camp by default). */
    public record SparkplugNode(String group, String edgeNode) {
        public SparkplugNode {
            BridgeSpec.require(!group.matches(".*\\s.*") && !edgeNode.matches(".*\\s.*"), "--sparkplug: the camp's "
                + "Sparkplug names '" + group + "/" + edgeNode + "' hold a space, which a Mosquitto bridge topic "
                + "cannot; rename the edge node or bridge its topics by hand");
        }
    }

    /**
     * The bridge's TLS files on the camp broker: the CA that signed headquarters' certificate and, for a bridge
     * that signs in with a client certificate, its certificate and key (both or neither).
     */
    public record Tls(String cafile, String certfile, String keyfile) {
        public Tls {
            BridgeSpec.require(cafile != null && !cafile.isBlank(), "--cafile: the CA of headquarters' broker is "
                + "required with TLS (or --no-tls for a link that is encrypted already)");
            BridgeSpec.require((certfile == null) == (keyfile == null), "--certfile and --keyfile: give both or "
                + "neither");
        }

        boolean clientCertificate() {
            return certfile != null;
        }
    }

    public BridgeSpec {
        require(hqHost != null && hqHost.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})"), "--hq-host: '" + hqHost
            + "' is not a host name or IPv4 address");
        require(hqPort > 0 && hqPort < 65_536, "--hq-port: " + hqPort + " is not a port (1 to 65535)");
        require(username != null && username.matches("[A-Za-z0-9@._-]{1,128}"), "--username: '" + username
            + "' must be 1 to 128 letters, digits, '@', '.', '_' or '-'");
        require(passwordFile != null || tls != null && tls.clientCertificate(), "--password-file or --certfile/"
            + "--keyfile: the bridge must sign in to headquarters, whose broker takes no anonymous client");
        require(passwordFile == null || !passwordFile.isBlank() && !passwordFile.contains("\n"), "--password-file: "
            + "not a path");
        require(reconnectMin >= 1 && reconnectMax >= reconnectMin, "--reconnect-min/--reconnect-max: need 1 <= min "
            + "<= max seconds, got " + reconnectMin + " and " + reconnectMax);
    }

    /** The user name headquarters knows a camp's bridge by, unless told otherwise: {@code bridge@mission@camp}. */
    public static String defaultUsername(String mission, String camp) {
        return "bridge@" + mission + "@" + camp;
    }

    /**
     * The mission of {@code campId} and, when {@code sparkplug}, its Sparkplug names as the inventory maps them.
     *
     * @throws IllegalArgumentException naming {@code --camp} when the inventory has no such camp
     */
    public static Located locate(Inventory inventory, String campId, boolean sparkplug) {
        for (Inventory.Mission m : inventory.missions()) {
            for (Inventory.Camp c : m.camps()) {
                if (c.id().equals(campId)) {
                    return new Located(m.id(), c.id(), sparkplug ? sparkplugNode(inventory, m.id(), c.id()) : null);
                }
            }
        }
        throw new IllegalArgumentException("--camp: the inventory has no camp '" + campId + "'");
    }

    /** A camp found in the inventory: its mission and, if asked for, its Sparkplug names. */
    public record Located(String mission, String camp, SparkplugNode sparkplug) {
        public Located {
            if (!TopicAddress.ID.matcher(mission).matches() || !TopicAddress.ID.matcher(camp).matches()) {
                throw new IllegalArgumentException("--camp: '" + mission + "/" + camp + "' are not valid ids");
            }
        }
    }

    private static SparkplugNode sparkplugNode(Inventory inventory, String mission, String camp) {
        for (Map.Entry<String, String> e : inventory.sparkplug().camps().entrySet()) {
            if (e.getValue().equals(mission + "/" + camp)) {
                String key = e.getKey();
                int slash = key.indexOf('/');
                return new SparkplugNode(key.substring(0, slash), key.substring(slash + 1));
            }
        }
        return new SparkplugNode(mission, camp);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
