package org.smartcamp.deploy.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.deploy.cli.SmartCamp;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryLoader;
import picocli.CommandLine;

class BridgeConfigWriterTest {
    private static final String INVENTORY = """
        missions:
          - id: unmiss
            camps:
              - id: juba1
                sparkplug: {group: plant-a, edgeNode: en-7}
                assets: [{id: juba1-gen-1, kind: generator, rated_kw: 100}]
              - id: bor1
                assets: [{id: bor1-gen-1, kind: generator, rated_kw: 60}]
        """;
    private static final Inventory PARSED = InventoryLoader.parse("inventory.yaml", INVENTORY);

    @Test
    void theBridgeCarriesTheCampsTelemetryOnlyAtQos1OverPersistentSessionsWithTlsFilesAndNoSecret() {
        String conf = BridgeConfigWriter.conf(spec("bor1", false, new BridgeSpec.Tls("/mosquitto/certs/hq-ca.crt",
            null, null), "/run/secrets/hq-bridge-password"), "edge bridge-config ...");

        assertThat(conf.lines().filter(l -> l.startsWith("topic "))).containsExactly(
            "topic smartcamp/v1/unmiss/bor1/+/telemetry out 1");
        assertThat(conf.lines()).contains("connection hq-bor1", "address hq.example.org:8883",
            "bridge_protocol_version mqttv311", "cleansession false", "local_cleansession false",
            "local_clientid bridge-hq-bor1", "remote_clientid bridge@unmiss@bor1", "remote_username bridge@unmiss@bor1",
            "restart_timeout 10 300", "notifications false", "bridge_cafile /mosquitto/certs/hq-ca.crt",
            "bridge_insecure false");
        assertThat(conf.lines()).noneMatch(l -> l.startsWith("remote_password"));
        assertThat(conf).contains("/run/secrets/hq-bridge-password")
            .doesNotContain("juba1");
        assertThat(conf.lines().filter(l -> !l.startsWith("#")).filter(l -> l.startsWith("connection"))).hasSize(1);
    }

    @Test
    void aSparkplugCampAlsoBridgesItsEdgeNodeByTheInventorysNamesAndHeadquartersAclAllowsExactlyThat() {
        BridgeSpec spec = spec("juba1", true, new BridgeSpec.Tls("/c/ca.crt", "/c/bridge.crt", "/c/bridge.key"), null);

        assertThat(BridgeConfigWriter.topics(spec)).containsExactly("smartcamp/v1/unmiss/juba1/+/telemetry out 1",
            "spBv1.0/plant-a/NBIRTH/en-7 out 1", "spBv1.0/plant-a/NDATA/en-7 out 1",
            "spBv1.0/plant-a/NDEATH/en-7 out 1", "spBv1.0/plant-a/DBIRTH/en-7/+ out 1",
            "spBv1.0/plant-a/DDATA/en-7/+ out 1", "spBv1.0/plant-a/DDEATH/en-7/+ out 1",
            "spBv1.0/plant-a/NCMD/en-7 in 1", "spBv1.0/plant-a/DCMD/en-7/+ in 1");
        assertThat(BridgeConfigWriter.conf(spec, "x").lines()).contains("bridge_certfile /c/bridge.crt",
            "bridge_keyfile /c/bridge.key");
        assertThat(BridgeConfigWriter.hqAcl(spec).lines().filter(l -> !l.startsWith("#"))).containsExactly(
            "user bridge@unmiss@juba1", "topic write smartcamp/v1/unmiss/juba1/+/telemetry",
            "topic write spBv1.0/plant-a/NBIRTH/en-7", "topic write spBv1.0/plant-a/NDATA/en-7",
            "topic write spBv1.0/plant-a/NDEATH/en-7", "topic write spBv1.0/plant-a/DBIRTH/en-7/+",
            "topic write spBv1.0/plant-a/DDATA/en-7/+", "topic write spBv1.0/plant-a/DDEATH/en-7/+",
            "topic read spBv1.0/plant-a/NCMD/en-7", "topic read spBv1.0/plant-a/DCMD/en-7/+");
    }

    @Test
    void badInputIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> BridgeSpec.locate(PARSED, "nowhere", false)).hasMessageStartingWith("--camp: ");
        assertThatThrownBy(() -> new BridgeSpec.Tls(null, null, null)).hasMessageStartingWith("--cafile: ");
        assertThatThrownBy(() -> new BridgeSpec.Tls("ca", "crt", null)).hasMessageStartingWith("--certfile and");
        assertThatThrownBy(() -> spec("bor1", false, null, null)).hasMessageStartingWith("--password-file or");
        assertThatThrownBy(() -> new BridgeSpec("unmiss", "bor1", null, "hq example", 8883, null, "u", "/p", 1, 2))
            .hasMessageStartingWith("--hq-host: ");
        assertThatThrownBy(() -> new BridgeSpec("unmiss", "bor1", null, "hq", 0, null, "u", "/p", 1, 2))
            .hasMessageStartingWith("--hq-port: ");
        assertThatThrownBy(() -> new BridgeSpec("unmiss", "bor1", null, "hq", 1883, null, "u u", "/p", 1, 2))
            .hasMessageStartingWith("--username: ");
        assertThatThrownBy(() -> new BridgeSpec("unmiss", "bor1", null, "hq", 1883, null, "u", "/p", 5, 2))
            .hasMessageStartingWith("--reconnect-min/--reconnect-max: ");
        assertThatThrownBy(() -> new BridgeSpec.SparkplugNode("Plant A", "en")).hasMessageStartingWith("--sparkplug:");
    }

    @Test
    void theLauncherWritesTheBridgeAndTheHeadquartersAclFromTheInventory(@TempDir Path dir) throws Exception {
        Path inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, INVENTORY);
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SmartCamp()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
            .execute("edge", "bridge-config", "--inventory", inventory.toString(), "--camp", "bor1", "--hq-host",
                "hq.example.org", "--cafile", "/mosquitto/certs/hq-ca.crt", "--password-file",
                "/run/secrets/hq-bridge-password", "--out", dir.resolve("bridge.conf").toString(), "--hq-acl",
                dir.resolve("acl").toString());

        assertThat(exit).as(out.toString()).isZero();
        String conf = Files.readString(dir.resolve("bridge.conf"));
        assertThat(conf).contains("topic smartcamp/v1/unmiss/bor1/+/telemetry out 1")
            .contains("#   smartcamp edge bridge-config --inventory " + inventory + " --camp bor1 --hq-host "
                + "hq.example.org --hq-port 8883 --cafile /mosquitto/certs/hq-ca.crt");
        assertThat(Files.readString(dir.resolve("acl"))).contains("user bridge@unmiss@bor1");
        assertThat(out.toString()).contains("written to " + dir.resolve("bridge.conf"));
    }

    private static BridgeSpec spec(String camp, boolean sparkplug, BridgeSpec.Tls tls, String passwordFile) {
        BridgeSpec.Located c = BridgeSpec.locate(PARSED, camp, sparkplug);
        return new BridgeSpec(c.mission(), c.camp(), c.sparkplug(), "hq.example.org", 8883, tls,
            BridgeSpec.defaultUsername(c.mission(), c.camp()), passwordFile, 10, 300);
    }
}
