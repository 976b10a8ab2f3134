package org.smartcamp.analytics.alarm.delivery;

import java.util.Objects;

/**
 * What one delivery attempt came to. A failure is classified where it is caught: {@link Kind#RETRY} when trying
 * again may succeed (a 5xx, a timeout, a refused connection, a broker away), {@link Kind#FAIL} when it never will
 * (a 4xx other than 408/429, a recipient the SMTP server refuses for good).
 *
 * @param kind   delivered, retry or fail
 * @param reason why it failed, one line without secrets; null when delivered
 */
public record DeliveryOutcome(Kind kind, String reason) {
    /** The kinds of outcome. */
    public enum Kind { DELIVERED, RETRY, FAIL }

    private static final int MAX_REASON = 500;

    public DeliveryOutcome {
        Objects.requireNonNull(kind, "kind");
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - 1) + "…";
        }
    }

    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(Kind.DELIVERED, null);
    }

    /** A transient failure: try again after the backoff. */
    public static DeliveryOutcome retry(String reason) {
        return new DeliveryOutcome(Kind.RETRY, reason);
    }

    /** A deterministic failure: mark the notification failed at once. */
    public static DeliveryOutcome fail(String reason) {
        return new DeliveryOutcome(Kind.FAIL, reason);
    }
}
