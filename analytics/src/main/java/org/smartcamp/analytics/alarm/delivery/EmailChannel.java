package org.smartcamp.analytics.alarm.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail notifications over SMTP (Jakarta Mail, Eclipse Angus): one message per recipient with a plain-text and an
 * HTML part ({@link AlarmEmail}), its Message-ID derived from the idempotency key so that a re-sent attempt can be
 * recognized. A 5xx answer to the recipient or the message fails at once; anything else (a 4xx, the server away,
 * a timeout, refused credentials that an operator may fix) retries.
 */
public final class EmailChannel implements Channel {
    public static final String TYPE = "email";
    private static final String KEY = "alarms.smtp.";

    private final SmtpConfig config;
    private final Session session;
    private final InternetAddress from;

    /** @throws DeliveryConfigException naming {@code alarms.smtp.from} when it is not an address */
    public EmailChannel(SmtpConfig config) {
        this.config = config;
        this.from = address(KEY + "from", config.from());
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.auth", Boolean.toString(config.username() != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls() != SmtpConfig.StartTls.OFF));
        p.put("mail.smtp.starttls.required", Boolean.toString(config.startTls() == SmtpConfig.StartTls.REQUIRED));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        String ms = Long.toString(config.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.from", from.getAddress());
        this.session = Session.getInstance(p);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Checks an e-mail address as a rule gives it.
     *
     * @throws DeliveryConfigException naming {@code field} when it is not one plain address
     */
    public static InternetAddress address(String field, String text) {
        try {
            InternetAddress a = new InternetAddress(text == null ? "" : text, true);
            if (a.getAddress() == null || !a.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
            return a;
        } catch (AddressException e) {
            throw new DeliveryConfigException(field + ": '" + text + "' is not an e-mail address");
        }
    }

    /**
     * Connects to the SMTP server (with STARTTLS and the login as configured) and disconnects.
     *
     * @throws DeliveryConfigException one line naming {@code alarms.smtp.host}, {@code alarms.smtp.starttls} or
     *                                 {@code alarms.smtp.username} when the server cannot be reached or used
     */
    @Override
    public void check() {
        try (Transport t = session.getTransport("smtp")) {
            t.connect(config.host(), config.port(), config.username(), config.password());
        } catch (AuthenticationFailedException e) {
            throw new DeliveryConfigException(KEY + "username: the SMTP server " + server() + " refused the login of "
                + config.username() + " (check alarms.smtp.password)", e);
        } catch (MessagingException e) {
            String why = reason(e);
            if (why.contains("STARTTLS")) {
                throw new DeliveryConfigException(KEY + "starttls: " + server() + ": " + why
                    + " (alarms.smtp.starttls is " + config.startTls().name().toLowerCase(Locale.ROOT) + ")", e);
            }
            throw new DeliveryConfigException(KEY + "host: cannot reach the SMTP server " + server() + ": " + why, e);
        }
    }

    @Override
    public DeliveryOutcome deliver(Notification n) {
        InternetAddress to;
        try {
            to = address("to", n.target());
        } catch (DeliveryConfigException e) {
            return DeliveryOutcome.fail(e.getMessage());
        }
        try {
            MimeMessage message = message(n, to);
            try (Transport t = session.getTransport("smtp")) {
                t.connect(config.host(), config.port(), config.username(), config.password());
                t.sendMessage(message, message.getAllRecipients());
            }
            return DeliveryOutcome.delivered();
        } catch (SMTPAddressFailedException e) {
            return classify(e.getReturnCode(), "the SMTP server refused " + n.target() + ": " + reason(e));
        } catch (SMTPSendFailedException e) {
            return classify(e.getReturnCode(), "the SMTP server refused the message: " + reason(e));
        } catch (MessagingException e) {
            Exception next = e.getNextException();
            if (next instanceof SMTPAddressFailedException a) {
                return classify(a.getReturnCode(), "the SMTP server refused " + n.target() + ": " + reason(a));
            }
            return DeliveryOutcome.retry("SMTP " + server() + ": " + reason(e));
        }
    }

    private static DeliveryOutcome classify(int code, String reason) {
        return code >= 500 ? DeliveryOutcome.fail(reason) : DeliveryOutcome.retry(reason);
    }

    private MimeMessage message(Notification n, InternetAddress to) throws MessagingException {
        AlarmEmail mail = AlarmEmail.render(n.payload(), n.language(), n.idempotencyKey());
        String messageId = "<" + n.idempotencyKey() + "@smartcamp.alarms>";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, to);
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setHeader("Content-Language", "fr".equalsIgnoreCase(n.language()) ? "fr" : "en");
        m.setHeader("X-SmartCamp-Event", n.eventType());
        m.setHeader("X-SmartCamp-Idempotency-Key", n.idempotencyKey());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        m.setContent(new MimeMultipart("alternative", text, html));
        return m;
    }

    private String server() {
        return config.host() + ":" + config.port();
    }

    /** The message of the innermost cause, on one line (a refused connection says so there). */
    private static String reason(Exception e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && (message == null || !message.contains(t.getMessage().strip()))) {
                message = (message == null ? "" : message + ": ") + t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
    }
}
