package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One claimed outbox row with what the dispatcher needs of its rule.
 *
 * @param id             the outbox row
 * @param ruleId         the rule that asked for the notification
 * @param ruleName       its name, for log lines and reasons
 * @param channel        webhook, email or mqtt
 * @param target         the URL, address or topic (never a secret)
 * @param language       the e-mail language, e.g. en or fr
 * @param idempotencyKey what the receiver sees in every attempt
 * @param body           the payload as stored, sent as is by the webhook and MQTT
 * @param payload        the same, parsed
 * @param attempts       attempts made before this one
 * @param createdAt      when the transition was committed
 * @param quietHours     the rule's quiet hours, or null
 * @param ratePerHour    the rule's limit per channel target and hour, or null
 * @param channels       the rule's channels (a webhook's secret reference is read here)
 */
public record Notification(long id, long ruleId, String ruleName, String channel, String target, String language,
                           String idempotencyKey, String body, JsonNode payload, int attempts, Instant createdAt,
                           JsonNode quietHours, Integer ratePerHour, JsonNode channels) {

    /** The transition's severity (payload alarm.severity), or null when the payload has none. */
    public String severity() {
        JsonNode s = payload.path("alarm").path("severity");
        return s.isTextual() ? s.asText() : null;
    }

    /** The payload's type, e.g. {@code alarm.raised}. */
    public String eventType() {
        JsonNode t = payload.path("type");
        return t.isTextual() ? t.asText() : "alarm." + payload.path("transition").path("action").asText("updated");
    }
}
