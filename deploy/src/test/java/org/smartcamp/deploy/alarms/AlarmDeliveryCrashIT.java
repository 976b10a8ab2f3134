package org.smartcamp.deploy.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.alarm.delivery.OutboxRows;
import org.smartcamp.analytics.alarm.delivery.WebhookReceiver;
import org.smartcamp.deploy.testsupport.Http;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * The analytics process as users run it ({@code bin/smartcamp analytics}) delivering the alarm outbox: killed with
 * SIGKILL while a notification is in flight (sent, not yet marked), and with another committed while it is down;
 * after a restart each is delivered, the first again under the same idempotency key, none lost. And an
 * unreachable SMTP server is refused at start with one line naming the key.
 */
class AlarmDeliveryCrashIT {
    private static final String SECRET = "whsec-crash-test-secret";

    @Test
    void aNotificationInFlightWhenAnalyticsIsKilledIsDeliveredAfterTheRestartUnderTheSameKey() throws Exception {
        try (MigratedStore store = MigratedStore.create("alarm_crash");
             // The first request is held unanswered: the process dies between sending and marking it delivered.
             WebhookReceiver receiver = new WebhookReceiver(SECRET, n -> n == 1 ? 0 : 200)) {
            OutboxRows rows = new OutboxRows(store.dataSource());
            long rule = rows.rule("theft-juba1", "[{\"type\":\"webhook\",\"url\":\"" + receiver.url() + "\","
                + "\"secret\":\"env:HOOK_SECRET\"}]", null, null);
            long alarm = rows.alarm(rule, "critical", Instant.now());
            // without an event behind it, the process's alarm evaluation would clear it and notify that too
            rows.clearedByPerson(alarm);
            int port = Launcher.freePort();
            Map<String, String> env = Launcher.databaseEnv(store.db());
            env.put("SMARTCAMP_DATABASE_MIGRATE_ON_START", "false");
            env.put("SMARTCAMP_ANALYTICS_HTTP_PORT", Integer.toString(port));
            env.put("SMARTCAMP_ALARMS_DELIVERY_POLL_INTERVAL", "200ms");
            env.put("SMARTCAMP_ALARMS_WEBHOOK_TIMEOUT", "2m");
            env.put("HOOK_SECRET", SECRET);

            Process first = start(env, port, "target/alarm-crash-1.log");
            OutboxRows.Row inFlight = rows.notify(rule, alarm, "raised", "critical", "webhook", receiver.url(),
                Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            assertThat(rows.status(inFlight.id())).isEqualTo("pending");
            assertThat(rows.attempts(inFlight.id())).isZero();
            OutboxRows.Row whileDown = rows.notify(rule, alarm, "acknowledged", "critical", "webhook", receiver.url(),
                Instant.now());

            Process second = start(env, port, "target/alarm-crash-2.log");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("delivered") == 2);
                String metrics = Http.get("http://127.0.0.1:" + port + "/metrics", null).body();
                assertThat(metrics).contains("smartcamp_alarm_notifications_sent_total{channel=\"webhook\"} 2.0");
            } finally {
                second.destroy();
                assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }

            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(receiver.keys()).containsExactlyInAnyOrder(inFlight.key(), whileDown.key());
            assertThat(got).filteredOn(r -> r.key().equals(inFlight.key())).hasSize(2)
                .extracting(WebhookReceiver.Received::body).containsOnly(got.get(0).body());
            assertThat(got).filteredOn(r -> r.key().equals(whileDown.key())).hasSize(1);
            assertThat(got).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            assertThat(rows.attempts(inFlight.id())).isEqualTo(1);
            assertThat(Files.readString(new File("target/alarm-crash-2.log").toPath()))
                .contains("Alarm dispatcher delivering webhook, mqtt").doesNotContain(SECRET);
        }
    }

    @Test
    void anUnreachableSmtpServerIsRefusedAtStartNamingTheKey() throws Exception {
        try (MigratedStore store = MigratedStore.create("alarm_smtp")) {
            int closed = Launcher.freePort();
            Map<String, String> env = Launcher.databaseEnv(store.db());
            env.put("SMARTCAMP_DATABASE_MIGRATE_ON_START", "false");
            env.put("SMARTCAMP_ANALYTICS_HTTP_PORT", Integer.toString(Launcher.freePort()));
            env.put("SMARTCAMP_ALARMS_SMTP_HOST", "127.0.0.1");
            env.put("SMARTCAMP_ALARMS_SMTP_PORT", Integer.toString(closed));
            env.put("SMARTCAMP_ALARMS_SMTP_PASSWORD", "smtp-password-never-printed");

            Launcher.Run run = Launcher.run(env, "analytics");

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.errorLines()).as(run.err()).singleElement().asString()
                .startsWith("smartcamp: error: alarms.smtp.host: cannot reach the SMTP server 127.0.0.1:" + closed);
            assertThat(run.err()).doesNotContain("smtp-password-never-printed").doesNotContain("\tat ");
        }
    }

    private static Process start(Map<String, String> env, int port, String log) throws Exception {
        Process p = Launcher.process(env, "analytics").redirectErrorStream(true).redirectOutput(new File(log))
            .start();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
            .until(() -> Http.get("http://127.0.0.1:" + port + "/health/ready", null).statusCode() == 200);
        return p;
    }
}
