package org.smartcamp.analytics.alarm.delivery;

/**
 * One way of delivering notifications (webhook, e-mail, MQTT). {@link #deliver} never throws: every failure comes
 * back as a classified {@link DeliveryOutcome}.
 */
public interface Channel extends AutoCloseable {
    /** The outbox's channel value this delivers: webhook, email or mqtt. */
    String type();

    /** Sends one notification and says how it went. */
    DeliveryOutcome deliver(Notification n);

    /**
     * Checks the configuration at start-up (a reachable SMTP server, ...).
     *
     * @throws DeliveryConfigException one line naming the configuration key that is wrong
     */
    default void check() {
    }

    @Override
    default void close() {
    }
}
