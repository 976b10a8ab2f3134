package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** E-mail notifications through a real SMTP server (GreenMail) that requires a login. */
class EmailDeliveryIT {
    private static final String USER = "smartcamp";
    private static final String PASSWORD = "s3cret-smtp";

    private GreenMail smtp;
    private MigratedStore store;
    private OutboxRows rows;

    @BeforeEach
    void setUp() throws IOException {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser("alarms@smartcamp.test", USER, PASSWORD));
        smtp.start();
        store = MigratedStore.create("alarm_email");
        rows = new OutboxRows(store.dataSource());
    }

    @AfterEach
    void tearDown() {
        store.close();
        smtp.stop();
    }

    private SmtpConfig config(int port, String password, SmtpConfig.StartTls startTls) {
        return new SmtpConfig("127.0.0.1", port, USER, password, "SmartCamp <alarms@smartcamp.test>", startTls,
            Duration.ofSeconds(3));
    }

    @Test
    void anAlarmArrivesInEnglishAndInFrenchWithTextHtmlAndTheEvidenceLink() throws Exception {
        EmailChannel email = new EmailChannel(config(smtp.getSmtp().getPort(), PASSWORD,
            SmtpConfig.StartTls.OPTIONAL));
        email.check();
        long rule = rows.rule("theft-juba1", "[{\"type\":\"email\",\"to\":[\"ops@example.org\",\"chef@example.org\"]"
            + ",\"language\":\"fr\"}]", null, null);
        Instant at = Instant.parse("2026-12-07T14:00:00Z");
        long alarm = rows.alarm(rule, "critical", at);
        int seq = rows.transition(alarm, "raised", "critical", at);
        OutboxRows.Row en = rows.outbox(rule, alarm, seq, "raised", "critical", "email", "ops@example.org", "en", at);
        OutboxRows.Row fr = rows.outbox(rule, alarm, seq, "raised", "critical", "email", "chef@example.org", "fr", at);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        int handled = new AlarmDelivery(DeliveryConfig.defaults(), List.of(email), () -> 0.5)
            .dispatcher(store.dataSource(), registry, Clock.systemUTC()).drain();

        assertThat(handled).isEqualTo(2);
        assertThat(rows.status(en.id())).isEqualTo("delivered");
        assertThat(rows.status(fr.id())).isEqualTo("delivered");
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(2);
        MimeMessage english = addressedTo(got, "ops@example.org");
        assertThat(english.getSubject()).isEqualTo("[SmartCamp] Alarm raised: Suspected theft (critical) - "
            + "juba1-bulk-tank (unmiss/juba1)");
        assertThat(english.getMessageID()).isEqualTo("<" + en.key() + "@smartcamp.alarms>");
        assertThat(english.getHeader("X-SmartCamp-Idempotency-Key")).containsExactly(en.key());
        String text = part(english, "text/plain");
        assertThat(text).contains("312 L left juba1-bulk-tank between 01:10 and 01:25 UTC",
            "Where: mission unmiss, camp juba1, asset juba1-bulk-tank", "How much: 312 L",
            "When: 2026-12-07 14:00 UTC", "Evidence: http://localhost:8080/#/events/17");
        assertThat(part(english, "text/html")).contains("<a href=\"http://localhost:8080/#/events/17\">Evidence</a>",
            "<th align=\"left\">How much</th><td>312 L</td>");
        MimeMessage french = addressedTo(got, "chef@example.org");
        assertThat(french.getSubject()).isEqualTo("[SmartCamp] Alarme déclenchée: Vol présumé (critique) - "
            + "juba1-bulk-tank (unmiss/juba1)");
        assertThat(part(french, "text/plain")).contains("Où: mission unmiss, camp juba1, équipement juba1-bulk-tank",
            "Quantité: 312 L", "Preuves: http://localhost:8080/#/events/17");
        assertThat(part(french, "text/html")).contains("<html lang=\"fr\">", ">Preuves</a>");
        assertThat(registry.get("smartcamp.alarm.notifications.sent").tag("channel", "email").counter().count())
            .isEqualTo(2);
    }

    @Test
    void aBadSmtpSettingIsRefusedWithOneLineNamingTheKey() throws IOException {
        int closed = freePort();
        assertThatThrownBy(() -> new EmailChannel(config(closed, PASSWORD, SmtpConfig.StartTls.OPTIONAL)).check())
            .isInstanceOf(DeliveryConfigException.class)
            .hasMessageStartingWith("alarms.smtp.host: cannot reach the SMTP server 127.0.0.1:" + closed + ": ")
            .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new EmailChannel(config(smtp.getSmtp().getPort(), "wrong",
            SmtpConfig.StartTls.OPTIONAL)).check())
            .isInstanceOf(DeliveryConfigException.class)
            .hasMessageStartingWith("alarms.smtp.username: the SMTP server 127.0.0.1:" + smtp.getSmtp().getPort()
                + " refused the login of smartcamp")
            .hasMessageNotContaining("wrong");
        // GreenMail offers no STARTTLS: with it required, nothing is sent in clear.
        assertThatThrownBy(() -> new EmailChannel(config(smtp.getSmtp().getPort(), PASSWORD,
            SmtpConfig.StartTls.REQUIRED)).check())
            .isInstanceOf(DeliveryConfigException.class)
            .hasMessageStartingWith("alarms.smtp.starttls: 127.0.0.1:" + smtp.getSmtp().getPort() + ": ")
            .hasMessageContaining("STARTTLS").hasMessageEndingWith("(alarms.smtp.starttls is required)");
        assertThatThrownBy(() -> new EmailChannel(new SmtpConfig("127.0.0.1", 25, null, null, "not an address",
            SmtpConfig.StartTls.OFF, Duration.ofSeconds(1))))
            .hasMessage("alarms.smtp.from: 'not an address' is not an e-mail address");
    }

    @Test
    void aServerAwayIsRetriedAndABadAddressFails() throws IOException {
        EmailChannel away = new EmailChannel(config(freePort(), PASSWORD, SmtpConfig.StartTls.OPTIONAL));
        Notification n = notification("ops@example.org");
        assertThat(away.deliver(n).kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        EmailChannel email = new EmailChannel(config(smtp.getSmtp().getPort(), PASSWORD,
            SmtpConfig.StartTls.OPTIONAL));
        assertThat(email.deliver(notification("nobody at all"))).isEqualTo(DeliveryOutcome.fail(
            "to: 'nobody at all' is not an e-mail address"));
    }

    private static Notification notification(String to) {
        var payload = OutboxRows.payload("alarm-1-1-email-000000000000", 1, 1, "raised", "critical", Instant.now());
        return new Notification(1, 1, "r", "email", to, "en", "alarm-1-1-email-000000000000", payload.toString(),
            payload, 0, Instant.now(), null, null, null);
    }

    private static MimeMessage addressedTo(MimeMessage[] messages, String to) throws Exception {
        for (MimeMessage m : messages) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                return m;
            }
        }
        throw new AssertionError("no message to " + to);
    }

    private static String part(MimeMessage m, String type) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        assertThat(multipart.getContentType()).startsWith("multipart/alternative");
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart p = multipart.getBodyPart(i);
            if (p.isMimeType(type)) {
                return p.getContent().toString().replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
