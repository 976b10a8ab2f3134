package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Checks a rule's {@code channels} as delivery needs them, for rule validation (config file and API): one line
 * naming the field of the first problem, e.g. {@code channels[0].url: 'ftp://x' is not an http:// or https:// URL
 * with a host}. Whether a webhook URL points at SmartCamp's own API is the rule validation's concern.
 */
public final class ChannelValidation {
    /** The e-mail languages the templates have. */
    public static final Set<String> LANGUAGES = Set.of("en", "fr");

    private ChannelValidation() {
    }

    /**
     * Checks every channel: a known type; a webhook's http(s) URL and its secret as {@code env:NAME}; an e-mail's
     * non-empty list of addresses and language (en or fr).
     *
     * @throws DeliveryConfigException naming the field
     */
    public static void validate(JsonNode channels) {
        if (channels == null || !channels.isArray()) {
            throw new DeliveryConfigException("channels: expected a list of {\"type\": \"webhook\" | \"email\" | "
                + "\"mqtt\", ...}");
        }
        for (int i = 0; i < channels.size(); i++) {
            String field = "channels[" + i + "]";
            JsonNode c = channels.get(i);
            String type = c.path("type").asText("");
            switch (type) {
                case WebhookChannel.TYPE -> webhook(field, c);
                case EmailChannel.TYPE -> email(field, c);
                case MqttChannel.TYPE -> {
                }
                default -> throw new DeliveryConfigException(field + ".type: '" + type + "' is not webhook, email or "
                    + "mqtt");
            }
        }
    }

    private static void webhook(String field, JsonNode c) {
        WebhookChannel.checkUrl(field + ".url", c.path("url").asText(null));
        if (c.has("secret")) {
            Secrets.checkReference(field + ".secret", c.get("secret").asText(null));
        }
    }

    private static void email(String field, JsonNode c) {
        JsonNode to = c.path("to");
        if (!to.isArray() || to.isEmpty()) {
            throw new DeliveryConfigException(field + ".to: expected a list of e-mail addresses");
        }
        for (int j = 0; j < to.size(); j++) {
            EmailChannel.address(field + ".to[" + j + "]", to.get(j).asText(null));
        }
        if (c.has("language") && !LANGUAGES.contains(c.get("language").asText(""))) {
            throw new DeliveryConfigException(field + ".language: '" + c.get("language").asText() + "' is not en or "
                + "fr");
        }
    }
}
