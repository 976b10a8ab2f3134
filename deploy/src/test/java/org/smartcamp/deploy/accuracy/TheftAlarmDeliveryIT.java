package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.alarm.AlarmConfig;
import org.smartcamp.analytics.alarm.AlarmRule;
import org.smartcamp.analytics.alarm.RuleParser;
import org.smartcamp.analytics.alarm.SelfAddress;
import org.smartcamp.analytics.alarm.delivery.AlarmDelivery;
import org.smartcamp.analytics.alarm.delivery.AlarmDisplay;
import org.smartcamp.analytics.alarm.delivery.DeliveryConfig;
import org.smartcamp.analytics.alarm.delivery.EmailChannel;
import org.smartcamp.analytics.alarm.delivery.MqttChannel;
import org.smartcamp.analytics.alarm.delivery.Secrets;
import org.smartcamp.analytics.alarm.delivery.SmtpConfig;
import org.smartcamp.analytics.alarm.delivery.WebhookChannel;
import org.smartcamp.analytics.alarm.delivery.WebhookReceiver;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.simulator.scenario.Scenario;

/**
 * A simulated theft delivered end to end: the small outpost's readings through the ingest's pipeline, the analytics
 * service running (its job on a schedule and the alarm dispatcher) with a theft rule whose channels are a webhook to
 * a real HTTP receiver that verifies the signature with the secret the rule names by {@code env:}, an e-mail to a
 * real SMTP server (GreenMail) and MQTT to the real broker. Exactly one alarm, exactly one notification per channel,
 * and still exactly one after more passes.
 */
class TheftAlarmDeliveryIT {
    private static final String SECRET = "whsec-e2e-theft-secret";
    private static final String OPS = "ops@example.org";
    private static final String PUBLIC_URL = "https://smartcamp.example.org";
    private static final String RULE = "{\"name\":\"theft\",\"mission\":\"%s\",\"condition\":\"theft\","
        + "\"threshold\":100,\"severity\":\"critical\",\"channels\":[{\"type\":\"webhook\",\"url\":\"%s\","
        + "\"secret\":\"env:SC_HOOK\"},{\"type\":\"email\",\"to\":[\"" + OPS + "\"]},{\"type\":\"mqtt\"}]}";
    /** A pass every second, the analyzers in every pass; lag and lateness as shipped. */
    private static final AnalyticsJobConfig EVERY_SECOND = new AnalyticsJobConfig(Duration.ofSeconds(1),
        Duration.ofSeconds(1), AnalyticsJobConfig.DEFAULTS.lag(), AnalyticsJobConfig.DEFAULTS.maxLateness(),
        Duration.ofSeconds(5));

    @Test
    void aSimulatedTheftIsNotifiedExactlyOncePerChannelWithAValidSignature() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(Launcher.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser("alarms@smartcamp.test", "smartcamp",
            "s3cret-smtp"));
        smtp.start();
        String mqttUrl = TestServices.mqttUrl();
        try (AlarmDisplay display = new AlarmDisplay(mqttUrl);
             MigratedStore store = MigratedStore.create("alarm_deliver");
             WebhookReceiver receiver = WebhookReceiver.ok(SECRET)) {
            SimulatedFeed feed = new SimulatedFeed(store.dataSource(), Clock.systemUTC());
            Scenario scenario = feed.scenario("small-outpost", 7, Duration.ofDays(4));
            feed.feed(scenario);
            String mission = store.db().queryString("SELECT mission_id FROM camps LIMIT 1");
            String camp = store.db().queryString("SELECT id FROM camps LIMIT 1");
            AlarmRule rule = new RuleParser(SelfAddress.NONE).parse(new ObjectMapper().readTree(
                String.format(RULE, mission, receiver.url())), AlarmRule.CONFIG);
            AlarmConfig alarms = new AlarmConfig(List.of(rule), PUBLIC_URL, Duration.ofDays(1));
            DatabaseConfig db = new DatabaseConfig(store.db().url(), store.db().user(), store.db().password(), 2,
                null);
            // The webhook's secret resolves from the process environment; here an environment holding SC_HOOK.
            WebhookChannel webhook = new WebhookChannel(Duration.ofSeconds(5), Secrets.of(Map.of("SC_HOOK", SECRET)),
                Clock.systemUTC());
            EmailChannel email = new EmailChannel(new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(), "smartcamp",
                "s3cret-smtp", "SmartCamp <alarms@smartcamp.test>", SmtpConfig.StartTls.OPTIONAL,
                Duration.ofSeconds(5)));
            MqttChannel mqtt = new MqttChannel(new MqttChannel.Config(mqttUrl, "alarms-" + UUID.randomUUID(), null,
                null, Duration.ofSeconds(5)));
            AlarmDelivery delivery = new AlarmDelivery(new DeliveryConfig(Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 5, Duration.ofHours(1)), List.of(webhook, email, mqtt),
                () -> 0.5);

            try (AnalyticsService service = new AnalyticsService(db, EVERY_SECOND, false, Clock.systemUTC())
                     .alarms(alarms).deliveringAlarms(delivery)) {
                service.start("127.0.0.1", 0);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> store.db().queryLong("SELECT count(*) FROM alarms") > 0);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> store.db().queryLong("SELECT count(*) FROM alarm_outbox WHERE status <> 'pending'")
                        == store.db().queryLong("SELECT count(*) FROM alarm_outbox"));
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 1
                    && smtp.getReceivedMessages().length >= 1 && !display.received().isEmpty());
                assertDeliveredOnce(store, receiver, smtp, display, mission, camp);

                // More passes of the running job (each runs the analyzers and the alarm evaluation) change nothing.
                Timer passes = service.registry().get("smartcamp.analytics.passes").tag("outcome", "ok").timer();
                long after = passes.count();
                await().atMost(Duration.ofSeconds(30)).until(() -> passes.count() >= after + 3);
                // whatever those passes put in the outbox is delivered (or refused) before the counts are taken
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> store.db().queryLong("SELECT count(*) FROM alarm_outbox WHERE status = 'pending'")
                        == 0);
                assertDeliveredOnce(store, receiver, smtp, display, mission, camp);
            }
        } finally {
            smtp.stop();
        }
    }

    private static void assertDeliveredOnce(MigratedStore store, WebhookReceiver receiver, GreenMail smtp,
                                            AlarmDisplay display, String mission, String camp) throws Exception {
        assertThat(store.db().queryLong("SELECT count(*) FROM alarms")).as("one alarm").isEqualTo(1);
        long event = store.db().queryLong("SELECT id FROM analytics_events WHERE kind = 'theft' AND "
            + "status = 'active' AND quantity >= 100");
        assertThat(store.db().queryLong("SELECT count(*) FROM alarms WHERE event_id = " + event
            + " AND status = 'active'")).as("the alarm of the simulated theft").isEqualTo(1);
        assertThat(store.db().queryLong("SELECT count(*) FROM alarm_outbox")).as("webhook, e-mail, MQTT").isEqualTo(3);
        assertThat(store.db().queryLong("SELECT count(*) FROM alarm_outbox WHERE status = 'delivered'")).isEqualTo(3);
        String asset = store.db().queryString("SELECT asset_id FROM analytics_events WHERE id = " + event);
        double litres = Double.parseDouble(store.db().queryString("SELECT quantity FROM analytics_events WHERE id = "
            + event));
        String evidence = PUBLIC_URL + "/#/events/" + event;

        List<WebhookReceiver.Received> hooks = receiver.received();
        assertThat(hooks).as("one webhook request").hasSize(1);
        assertThat(receiver.keys()).containsExactly(store.db().queryString(
            "SELECT idempotency_key FROM alarm_outbox WHERE channel = 'webhook'"));
        WebhookReceiver.Received hook = hooks.get(0);
        assertThat(hook.signatureValid()).as("signature checked by the receiver: " + hook.signature()).isTrue();
        assertThat(hook.event()).isEqualTo("alarm.raised");
        JsonNode body = new ObjectMapper().readTree(hook.body());
        assertThat(body.at("/alarm/mission").asText()).isEqualTo(mission);
        assertThat(body.at("/alarm/camp").asText()).isEqualTo(camp);
        assertThat(body.at("/alarm/asset").asText()).isEqualTo(asset);
        assertThat(body.at("/alarm/quantity").asDouble()).isEqualTo(litres).isGreaterThanOrEqualTo(100);
        assertThat(body.at("/alarm/unit").asText()).isEqualTo("L");
        assertThat(body.at("/links/evidence").asText()).isEqualTo(evidence);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).as("one e-mail").hasSize(1);
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly(OPS);
        assertThat(mails[0].getSubject()).contains("theft", asset, mission + "/" + camp);
        assertThat(text(mails[0])).contains(evidence, asset);

        List<AlarmDisplay.Got> mqttGot = display.received();
        assertThat(mqttGot).as("one MQTT message").hasSize(1);
        AlarmDisplay.Got got = mqttGot.get(0);
        assertThat(got.topic()).isEqualTo("smartcamp/alarms/" + mission + "/" + camp);
        assertThat(got.message().getQos()).isEqualTo(1);
        JsonNode mqttBody = new ObjectMapper().readTree(new String(got.message().getPayload(),
            StandardCharsets.UTF_8));
        assertThat(mqttBody.at("/alarm/asset").asText()).isEqualTo(asset);
        assertThat(mqttBody.get("idempotencyKey").asText()).isEqualTo(store.db().queryString(
            "SELECT idempotency_key FROM alarm_outbox WHERE channel = 'mqtt'"));
    }

    /** The text/plain part of a message. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                String found = text(multi.getBodyPart(i));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }
}
