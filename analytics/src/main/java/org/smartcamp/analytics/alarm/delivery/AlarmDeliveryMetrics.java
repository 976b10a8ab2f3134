package org.smartcamp.analytics.alarm.delivery;

import java.time.Instant;

/** What the outbox dispatcher counts, by channel (webhook, email, mqtt). */
public interface AlarmDeliveryMetrics {
    /** A notification delivered. */
    void sent(String channel);

    /** An attempt failed and another is scheduled. */
    void retried(String channel);

    /** A notification marked failed (deterministic failure, or attempts/age exhausted). */
    void failed(String channel);

    /** A notification suppressed by its rule's rate limit. */
    void suppressed(String channel);

    /** A notification deferred to the end of its rule's quiet hours. */
    void deferred(String channel);

    /**
     * The outbox's pending rows as last seen.
     *
     * @param oldestCreated when the oldest pending notification's transition was committed, or null
     * @param oldestDue     the earliest due time already passed of a pending notification, or null
     */
    void outbox(long pending, Instant oldestCreated, Instant oldestDue);

    /** Metrics that go nowhere. */
    static AlarmDeliveryMetrics none() {
        return new AlarmDeliveryMetrics() {
            @Override
            public void sent(String channel) {
            }

            @Override
            public void retried(String channel) {
            }

            @Override
            public void failed(String channel) {
            }

            @Override
            public void suppressed(String channel) {
            }

            @Override
            public void deferred(String channel) {
            }

            @Override
            public void outbox(long pending, Instant oldestCreated, Instant oldestDue) {
            }
        };
    }
}
