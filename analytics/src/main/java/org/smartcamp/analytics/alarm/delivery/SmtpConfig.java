package org.smartcamp.analytics.alarm.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How alarm e-mail leaves: an SMTP submission server, usually port 587 with STARTTLS and authentication.
 *
 * @param host     the SMTP server
 * @param port     its port (587 submission, 25 relay)
 * @param username the login, or null for none
 * @param password the password, or null; never logged
 * @param from     the sender address
 * @param startTls whether the connection must, may or must not be upgraded to TLS
 * @param timeout  connect, read and write timeout
 */
public record SmtpConfig(String host, int port, String username, String password, String from, StartTls startTls,
                         Duration timeout) {

    /** STARTTLS policy. */
    public enum StartTls {
        /** Refuse to send over a connection the server will not upgrade (the default). */
        REQUIRED,
        /** Upgrade when the server offers it, else send in clear. */
        OPTIONAL,
        /** Never upgrade (a relay on the same host or network). */
        OFF;

        /**
         * Reads {@code required}, {@code optional} or {@code off}.
         *
         * @throws DeliveryConfigException naming {@code field} otherwise
         */
        public static StartTls parse(String field, String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DeliveryConfigException(field + ": '" + text + "' is not required, optional or off");
            }
        }
    }

    public SmtpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(timeout, "timeout");
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
    }

    /** The password masked, so that a logged config never shows it. */
    @Override
    public String toString() {
        return "SmtpConfig[" + host + ":" + port + ", user " + username + ", from " + from + ", STARTTLS "
            + startTls + "]";
    }
}
