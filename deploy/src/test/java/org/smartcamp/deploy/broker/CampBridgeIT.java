package org.smartcamp.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcamp.deploy.cli.SmartCamp;
import org.smartcamp.deploy.edge.BridgeSpec;
import org.smartcamp.deploy.testsupport.Http;
import org.smartcamp.ingest.testsupport.MosquittoProcess;
import org.smartcamp.ingest.testsupport.TcpProxy;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;
import picocli.CommandLine;

/**
 * Issue 20, camp edge to headquarters (docs/edge.md): two real Mosquittos with the shipped configuration, two
 * databases, two SmartCamps. The camp broker forwards the camp's telemetry to headquarters' broker through the
 * Mosquitto bridge that {@code smartcamp edge bridge-config} generates from the inventory, over a TCP proxy that
 * stands for the satellite link. The link is cut while the camp goes on publishing, and the camp broker restarts
 * in the middle of the cut (a power cut at camp); the camp's own SmartCamp keeps serving figures all along; when
 * the link returns headquarters holds every reading exactly once and its figures for the camp equal the camp's.
 */
class CampBridgeIT {
    private static final Logger LOG = LoggerFactory.getLogger(CampBridgeIT.class);
    private static final String MISSION = "unmiss";
    private static final String CAMP = "juba1";
    private static final String GATEWAY_USER = MISSION + "/" + CAMP + "/gw-1";
    private static final String TOPIC = new TopicAddress(MISSION, CAMP, "gw-1").telemetryTopic();
    private static final List<String> GENERATORS = List.of("juba1-gen-1", "juba1-gen-2");
    private static final String INVENTORY = """
        missions:
          - id: unmiss
            camps:
              - id: juba1
                assets:
                  - {id: juba1-gen-1, kind: generator, rated_kw: 400}
                  - {id: juba1-gen-2, kind: generator, rated_kw: 200}
        """;
    /** Messages before the cut, during it (half before the camp broker's restart, half after) and after it. */
    private static final int BEFORE = 24;
    private static final int DURING = 60;
    private static final int AFTER = 24;
    private static final int READINGS_PER_ASSET = 10;
    private static final int READINGS_PER_MESSAGE = READINGS_PER_ASSET * 2;
    /** The pace of the camp's gateway while the link is down, so the cut lasts a while. */
    private static final String READINGS_SQL = "SELECT c.mission_id, a.camp_id, a.id, m.name,"
        + " to_char(r.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), r.value::text"
        + " FROM readings r JOIN assets a ON a.ref = r.asset_ref JOIN camps c ON c.id = a.camp_id"
        + " JOIN metrics m ON m.id = r.metric_id ORDER BY 1, 2, 3, 4, 5";

    /**
     * The readings lie on a whole past day, so that the figures' coverage does not depend on when each site's job
     * ran (today's coverage grows with the time of day).
     */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2))
        .plus(Duration.ofHours(6));

    @Test
    void theCampKeepsItsFiguresThroughACutAndHeadquartersGetsEveryReadingOnceAfterIt() throws Exception {
        assumeThat(MosquittoProcess.executable("mosquitto")).as("mosquitto installed").isPresent();
        try (EdgeSite hq = EdgeSite.create("hq"); EdgeSite camp = EdgeSite.create("camp")) {
            TcpProxy link = TcpProxy.start("127.0.0.1", hq.gatewayPort());
            String gatewayPassword = configure(camp, hq, link.port());
            hq.startBroker();
            camp.startBroker();
            hq.startSmartCamp(INVENTORY);
            camp.startSmartCamp(INVENTORY);

            publish(camp, gatewayPassword, 0, BEFORE, k -> { });
            long before = (long) BEFORE * READINGS_PER_MESSAGE;
            awaitReadings(hq, before, Duration.ofSeconds(90), camp);
            awaitReadings(camp, before, Duration.ofSeconds(60), camp);

            // The link goes down; the camp goes on publishing, its broker restarts halfway.
            link.block();
            Instant cut = Instant.now();
            List<Integer> campAnswers = new ArrayList<>();
            // each message waits until the camp's own SmartCamp has stored it and answered, so the cut lasts as
            // long as the camp takes to ingest them one by one
            MessageSent campKeepsGoing = k -> {
                awaitReadings(camp, (long) (k + 1) * READINGS_PER_MESSAGE, Duration.ofSeconds(60), camp);
                campAnswers.add(campServes(camp));
            };
            publish(camp, gatewayPassword, BEFORE, DURING / 2, campKeepsGoing);
            camp.stopBroker();
            camp.startBroker();
            publish(camp, gatewayPassword, BEFORE + DURING / 2, DURING - DURING / 2, campKeepsGoing);
            long duringCut = before + (long) DURING * READINGS_PER_MESSAGE;
            awaitReadings(camp, duringCut, Duration.ofSeconds(90), camp);
            campAnswers.add(campServes(camp));
            long heldAtHq = hq.count("SELECT count(*) FROM readings");
            Duration outage = Duration.between(cut, Instant.now());
            assertThat(heldAtHq).as("nothing crosses a cut link: what the camp published is held by its broker")
                .isEqualTo(before);
            assertThat(campAnswers).as("the camp's API answered figures and alarms throughout the cut").isNotEmpty()
                .allMatch(status -> status == 200);
            assertThat(camp.count("SELECT count(*) FROM analytics_hourly")).as("the camp's own figures").isPositive();

            link.unblock();
            Instant restored = Instant.now();
            awaitReadings(hq, duringCut, Duration.ofSeconds(180), camp);
            Duration drain = Duration.between(restored, Instant.now());

            publish(camp, gatewayPassword, BEFORE + DURING, AFTER, k -> { });
            long total = duringCut + (long) AFTER * READINGS_PER_MESSAGE;
            awaitReadings(hq, total, Duration.ofSeconds(90), camp);
            awaitReadings(camp, total, Duration.ofSeconds(60), camp);

            List<String> expected = expectedReadings(BEFORE + DURING + AFTER);
            List<String> atCamp = camp.rows(READINGS_SQL);
            List<String> atHq = hq.rows(READINGS_SQL);
            long lost = expected.stream().filter(r -> !atHq.contains(r)).count();
            assertThat(atCamp).as("the camp stored every reading once").containsExactlyElementsOf(expected);
            assertThat(atHq).as("headquarters stored every reading once, the same as the camp")
                .containsExactlyElementsOf(expected);

            hq.settleAnalytics();
            camp.settleAnalytics();
            assertSameFigures(camp, hq);

            LOG.info(String.format(Locale.ROOT, "CampBridgeIT figures: readings published %d (%d messages); held in"
                    + " the "
                    + "camp broker during the cut %d readings (%d messages) over %.1f s, across a camp broker restart;"
                    + " time to drain after the link returned %.1f s; readings lost %d; duplicates at headquarters "
                    + "%d", total, BEFORE + DURING + AFTER, duringCut - before, DURING, outage.toMillis() / 1000.0,
                drain.toMillis() / 1000.0, lost, atHq.size() - expected.size()));
            link.close();
        }
    }

    /**
     * The control: the same bridge with a clean local session ({@code local_cleansession true}) loses what the camp
     * published while the link was down, which is why the generated bridge keeps it persistent, and shows that the
     * test above would see such a loss.
     */
    @Test
    void aBridgeWithACleanLocalSessionLosesWhatTheCampPublishedDuringTheCut() throws Exception {
        assumeThat(MosquittoProcess.executable("mosquitto")).as("mosquitto installed").isPresent();
        try (EdgeSite hq = EdgeSite.create("hq"); EdgeSite camp = EdgeSite.create("camp")) {
            TcpProxy link = TcpProxy.start("127.0.0.1", hq.gatewayPort());
            String gatewayPassword = configure(camp, hq, link.port(), conf -> conf
                .replace("\nlocal_cleansession false\n", "\nlocal_cleansession true\n"));
            hq.startBroker();
            camp.startBroker();
            List<Long> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            MqttAsyncClient headquarters = subscribe(hq, received);
            try {
                publish(camp, gatewayPassword, 0, 5, k -> { });
                await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 5);
                link.block();
                publish(camp, gatewayPassword, 5, 10, k -> { });
                link.unblock();
                // one more message each poll until one reaches headquarters: the bridge is back
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(15);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    publish(camp, gatewayPassword, next.getAndIncrement(), 1, k -> { });
                    return received.stream().anyMatch(seq -> seq >= 15);
                });
                assertThat(received).as("what the camp published during the cut is lost").noneMatch(seq -> seq >= 5
                    && seq < 15);
            } finally {
                headquarters.disconnect().waitForCompletion(5_000);
                headquarters.close();
                link.close();
            }
        }
    }

    /** A subscriber on headquarters' internal listener that records the {@code seq} of every telemetry message. */
    private static MqttAsyncClient subscribe(EdgeSite hq, List<Long> seqs) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + hq.internalPort(), "control",
            new MemoryPersistence());
        client.setCallback(new org.smartcamp.ingest.mqtt.MessageListener() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                seqs.add(new io.vertx.core.json.JsonObject(new String(message.getPayload(),
                    java.nio.charset.StandardCharsets.UTF_8)).getLong("seq"));
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(EdgeSite.INGEST_USER);
        options.setPassword(hq.ingestPassword().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(TopicAddress.telemetryFilter(null), 1).waitForCompletion(10_000);
        return client;
    }

    /**
     * Generates the camp's bridge with the launcher from the inventory, appends it (and the password, as the edge
     * node's start does) to the camp broker's shipped configuration, and gives headquarters' broker the bridge's
     * user and the ACL block the command wrote. Returns the camp gateway's password.
     */
    private static String configure(EdgeSite camp, EdgeSite hq, int linkPort) throws Exception {
        return configure(camp, hq, linkPort, conf -> conf);
    }

    private static String configure(EdgeSite camp, EdgeSite hq, int linkPort,
                                    java.util.function.UnaryOperator<String> edit) throws Exception {
        MosquittoPasswordFile passwords = new MosquittoPasswordFile(new SecureRandom());
        String bridgePassword = passwords.newPassword(24);
        String gatewayPassword = passwords.newPassword(24);
        Path inventory = camp.dir().resolve("inventory.yaml");
        Files.writeString(inventory, INVENTORY);
        Path passwordFile = camp.dir().resolve("hq-bridge-password");
        Files.writeString(passwordFile, bridgePassword + "\n");
        Path bridge = camp.dir().resolve("bridge.conf");
        Path hqAcl = hq.dir().resolve("acl-bridges");
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SmartCamp()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
            .execute("edge", "bridge-config", "--inventory", inventory.toString(), "--camp", CAMP, "--hq-host",
                "127.0.0.1", "--hq-port", Integer.toString(linkPort), "--no-tls", "--password-file",
                passwordFile.toString(), "--reconnect-min", "1", "--reconnect-max", "2", "--out", bridge.toString(),
                "--hq-acl", hqAcl.toString());
        assertThat(exit).as(out.toString()).isZero();
        String bridgeConf = edit.apply(Files.readString(bridge));
        assertThat(Files.readString(bridge)).as("no secret in the generated bridge").doesNotContain(bridgePassword);
        String appended = "remote_password " + Files.readString(passwordFile).trim() + "\n";
        camp.configureBroker(bridgeConf + appended, "", List.of(new BrokerUser(GATEWAY_USER, gatewayPassword)));
        hq.configureBroker("", Files.readString(hqAcl), List.of(new BrokerUser(
            BridgeSpec.defaultUsername(MISSION, CAMP),
            bridgePassword)));
        return gatewayPassword;
    }

    /** What a test does after message {@code k} was published and acknowledged. */
    private interface MessageSent {
        void after(int k) throws Exception;
    }

    /**
     * The camp's gateway publishes messages {@code from} .. {@code from + count - 1}, QoS 1, each acknowledged, and
     * runs {@code sent} after each.
     */
    private void publish(EdgeSite camp, String password, int from, int count, MessageSent sent) throws Exception {
        MqttAsyncClient gw = new MqttAsyncClient("tcp://127.0.0.1:" + camp.gatewayPort(), "gw-1",
            new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(GATEWAY_USER);
        options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        options.setCleanStart(true);
        gw.connect(options).waitForCompletion(10_000);
        try {
            for (int k = from; k < from + count; k++) {
                MqttMessage message = new MqttMessage(payload(k));
                message.setQos(1);
                gw.publish(TOPIC, message).waitForCompletion(10_000);
                sent.after(k);
            }
        } finally {
            gw.disconnect().waitForCompletion(5_000);
            gw.close();
        }
    }

    /** Message {@code k}: ten 10-second readings of power.active per generator, from {@code start + k * 100 s}. */
    private byte[] payload(int k) {
        List<Reading> readings = new ArrayList<>();
        for (int g = 0; g < GENERATORS.size(); g++) {
            for (int j = 0; j < READINGS_PER_ASSET; j++) {
                readings.add(Reading.of(GENERATORS.get(g), "power.active", time(k, j), value(g, k, j)));
            }
        }
        return TelemetryEncoder.encode(new TelemetryBatch(k, time(k, READINGS_PER_ASSET - 1), readings));
    }

    private Instant time(int k, int j) {
        return start.plusSeconds((k * (long) READINGS_PER_ASSET + j) * 10);
    }

    private static double value(int generator, int k, int j) {
        return generator == 0 ? 200 + (k % 7) * 15 + j : 60 + (k % 5) * 20 + j * 0.5;
    }

    /** Every reading the gateway published, as {@link #READINGS_SQL} returns it. */
    private List<String> expectedReadings(int messages) {
        List<String> rows = new ArrayList<>();
        for (int g = 0; g < GENERATORS.size(); g++) {
            for (int k = 0; k < messages; k++) {
                for (int j = 0; j < READINGS_PER_ASSET; j++) {
                    rows.add(String.join("|", MISSION, CAMP, GENERATORS.get(g), "power.active",
                        time(k, j).toString(), pgDouble(value(g, k, j))));
                }
            }
        }
        return rows;
    }

    private static String pgDouble(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void awaitReadings(EdgeSite site, long count, Duration within, EdgeSite camp) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> site.count("SELECT count(*) FROM readings") >= count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(site.dbUrl() + " holds " + site.count("SELECT count(*) FROM readings") + " of "
                + count + " readings; camp broker log:\n" + tail(camp), e);
        }
    }

    private static String tail(EdgeSite site) {
        try {
            String log = site.brokerLog();
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The status of a figures request to the camp's own API, or of its alarms request if that one failed. */
    private int campServes(EdgeSite camp) {
        try {
            int figures = Http.get(camp.apiUrl() + "/api/v1/camps/" + CAMP + "/assets/juba1-gen-1/readings?bucket=1h"
                + "&metric=power.active&" + range(), camp.apiKey()).statusCode();
            int alarms = Http.get(camp.apiUrl() + "/api/v1/alarms?camp=" + CAMP, camp.apiKey()).statusCode();
            return figures != 200 ? figures : alarms;
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String range() {
        return "from=" + start.truncatedTo(ChronoUnit.DAYS) + "&to=" + start.plus(Duration.ofDays(2))
            .truncatedTo(ChronoUnit.DAYS);
    }

    /** Headquarters' figures for the camp equal the camp's own: analytics tables and API answers. */
    private void assertSameFigures(EdgeSite camp, EdgeSite hq) throws Exception {
        for (String sql : List.of(
            "SELECT subject_kind, subject_id, day, figure, value, unit, coverage FROM analytics_daily"
                + " ORDER BY 1, 2, 3, 4",
            "SELECT * FROM analytics_hourly ORDER BY 1, 2, 3, 4")) {
            List<String> atCamp = camp.rows(sql.replace("SELECT *", "SELECT " + columnsBut(camp, "analytics_hourly")));
            assertThat(atCamp).as("the camp's %s", sql).isNotEmpty();
            assertThat(hq.rows(sql.replace("SELECT *", "SELECT " + columnsBut(hq, "analytics_hourly"))))
                .as("headquarters' %s", sql).isEqualTo(atCamp);
        }
        for (String asset : GENERATORS) {
            for (String path : List.of("/api/v1/camps/" + CAMP + "/assets/" + asset + "/readings?bucket=1h"
                + "&metric=power.active&" + range(), "/api/v1/figures/daily?camp=" + CAMP + "&asset=" + asset
                + "&figure=energy_kwh&" + range())) {
                HttpResponse<String> c = Http.get(camp.apiUrl() + path, camp.apiKey());
                HttpResponse<String> h = Http.get(hq.apiUrl() + path, hq.apiKey());
                assertThat(c.statusCode()).as("camp %s", path).isEqualTo(200);
                assertThat(h.statusCode()).as("headquarters %s", path).isEqualTo(200);
                assertThat(items(h.body())).as("headquarters' answer to %s", path).isEqualTo(items(c.body()))
                    .contains("value");
            }
        }
    }

    /** The columns of {@code table} but the time it was computed at. */
    private static String columnsBut(EdgeSite site, String table) {
        return String.join(", ", site.rows("SELECT column_name FROM information_schema.columns WHERE table_name = '"
            + table + "' AND table_schema = current_schema() AND column_name <> 'computed_at'"
            + " ORDER BY ordinal_position"));
    }

    /** The {@code items} of an API answer: what it says, without when each site computed it. */
    private static String items(String body) {
        io.vertx.core.json.JsonArray items = new io.vertx.core.json.JsonObject(body).getJsonArray("items");
        items.forEach(item -> ((io.vertx.core.json.JsonObject) item).remove("computedAt"));
        return items.encode();
    }
}
