package org.smartcamp.deploy.edge;

import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Writes a camp's bridge to headquarters as Mosquitto 2 configuration (docs/edge.md): the {@code connection}
 * section appended to the camp broker's mosquitto.conf, and the block headquarters' ACL needs for the bridge's user.
 * Only the camp's own topics cross the bridge, at QoS 1, over persistent sessions on both sides, so that the camp
 * broker queues what the camp publishes while the link is down and sends it when it returns.
 */
public final class BridgeConfigWriter {
    /** The bridge's client id on the camp broker, which names its queue there: keep it across restarts. */
    static final String LOCAL_CLIENT_PREFIX = "bridge-hq-";

    private BridgeConfigWriter() {
    }

    /** The {@code connection} section, with a header that says how it was made and where it goes. */
    public static String conf(BridgeSpec spec, String commandLine) {
        List<String> l = new ArrayList<>();
        l.add("# Bridge of camp " + spec.camp() + " (mission " + spec.mission() + ") to headquarters, made by");
        l.add("#   smartcamp " + commandLine);
        l.add("# Append it to the camp broker's mosquitto.conf (deploy/mosquitto/mosquitto.conf, which keeps the");
        l.add("# queue on disk: persistence true, autosave_interval 60, max_queued_messages 0, max_queued_bytes");
        l.add("# 2 GiB; docs/edge.md sizes it). No secret is written here.");
        l.add("connection hq-" + spec.camp());
        l.add("address " + spec.hqHost() + ":" + spec.hqPort());
        l.add("bridge_protocol_version mqttv311");
        l.add("# Persistent sessions on both sides: while the link is down the camp broker queues every QoS 1 message");
        l.add("# for the bridge (on disk, across its own restarts) and sends the queue when the link returns.");
        l.add("cleansession false");
        l.add("local_cleansession false");
        l.add("local_clientid " + LOCAL_CLIENT_PREFIX + spec.camp());
        l.add("remote_clientid " + spec.username());
        l.add("start_type automatic");
        l.add("restart_timeout " + spec.reconnectMin() + " " + spec.reconnectMax());
        l.add("keepalive_interval 60");
        l.add("# Headquarters refuses retained messages (retain_available false): no retained connection notices.");
        l.add("notifications false");
        l.add("# The camp's own topics only, out to headquarters at QoS 1.");
        topics(spec).forEach(t -> l.add("topic " + t));
        l.add("remote_username " + spec.username());
        if (spec.passwordFile() != null) {
            l.add("# remote_password is appended when the broker starts, from " + spec.passwordFile());
            l.add("# (deploy/compose/compose.edge.yaml does it): keep this section last in the file.");
        }
        if (spec.tls() != null) {
            l.add("bridge_cafile " + spec.tls().cafile());
            if (spec.tls().clientCertificate()) {
                l.add("bridge_certfile " + spec.tls().certfile());
                l.add("bridge_keyfile " + spec.tls().keyfile());
            }
            l.add("bridge_tls_version tlsv1.2");
            l.add("bridge_insecure false");
        }
        return String.join("\n", l) + "\n";
    }

    /** The block headquarters' ACL file needs for this bridge's user: write the camp's topics, nothing else. */
    public static String hqAcl(BridgeSpec spec) {
        List<String> l = new ArrayList<>();
        l.add("# Bridge of camp " + spec.camp() + " (smartcamp edge bridge-config): publishes the camp's telemetry"
            + " only.");
        l.add("user " + spec.username());
        l.add("topic write " + telemetry(spec));
        BridgeSpec.SparkplugNode sp = spec.sparkplug();
        if (sp != null) {
            for (String type : List.of("NBIRTH", "NDATA", "NDEATH")) {
                l.add("topic write " + sparkplug(sp, type));
            }
            for (String type : List.of("DBIRTH", "DDATA", "DDEATH")) {
                l.add("topic write " + sparkplug(sp, type) + "/+");
            }
            l.add("topic read " + sparkplug(sp, "NCMD"));
            l.add("topic read " + sparkplug(sp, "DCMD") + "/+");
        }
        return String.join("\n", l) + "\n";
    }

    /** The bridge's {@code topic} lines (pattern, direction, QoS), the camp's topics only. */
    static List<String> topics(BridgeSpec spec) {
        List<String> t = new ArrayList<>();
        t.add(telemetry(spec) + " out 1");
        BridgeSpec.SparkplugNode sp = spec.sparkplug();
        if (sp != null) {
            for (String type : List.of("NBIRTH", "NDATA", "NDEATH")) {
                t.add(sparkplug(sp, type) + " out 1");
            }
            for (String type : List.of("DBIRTH", "DDATA", "DDEATH")) {
                t.add(sparkplug(sp, type) + "/+ out 1");
            }
            // Headquarters' ingest asks the edge node for a rebirth when it misses a sequence number.
            t.add(sparkplug(sp, "NCMD") + " in 1");
            t.add(sparkplug(sp, "DCMD") + "/+ in 1");
        }
        return t;
    }

    private static String telemetry(BridgeSpec spec) {
        return TopicAddress.ROOT + "/" + spec.mission() + "/" + spec.camp() + "/+/" + TopicAddress.TELEMETRY;
    }

    private static String sparkplug(BridgeSpec.SparkplugNode sp, String type) {
        return "spBv1.0/" + sp.group() + "/" + type + "/" + sp.edgeNode();
    }
}
