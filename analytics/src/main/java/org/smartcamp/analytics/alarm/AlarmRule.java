package org.smartcamp.analytics.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.smartcamp.platform.Durations;

/**
 * A rule: a condition with its threshold and duration, scoped to a mission and optionally one camp, with the
 * severity of the alarms it raises and the channels that hear of them. Build it with {@link RuleParser}, which
 * validates every field.
 *
 * @param id          the stored id, or null before it is stored
 * @param campId      null for every camp of the mission
 * @param threshold   litres (theft, leak, short fill), hours (outage) or days (days of supply); null for none
 * @param duration    how long a state must last before it raises an alarm; null for none
 * @param quietHours  the quiet hours object as given (applied by the delivery), or null
 * @param ratePerHour the most notifications per channel per hour (applied by the delivery), or null
 * @param source      {@code config} or {@code api}
 */
public record AlarmRule(Long id, String name, String missionId, String campId, AlarmCondition condition,
                        Double threshold, Duration duration, Severity severity, List<Channel> channels,
                        JsonNode quietHours, Integer ratePerHour, boolean enabled, String source) {

    /** Rules from the configuration file. */
    public static final String CONFIG = "config";
    /** Rules made through the API. */
    public static final String API = "api";

    public AlarmRule {
        channels = List.copyOf(channels);
    }

    /**
     * A channel of a rule: a webhook (url, secret name), an e-mail (addresses, language) or MQTT.
     *
     * @param secret a secret's name ({@code env:NAME} or a key of the secrets file), never the secret itself
     */
    public record Channel(String type, String url, String secret, List<String> to, String language) {
        public static final String WEBHOOK = "webhook";
        public static final String EMAIL = "email";
        public static final String MQTT = "mqtt";

        public Channel {
            to = to == null ? List.of() : List.copyOf(to);
        }

        /** As stored in {@code alarm_rules.channels}. */
        public ObjectNode json() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", type);
            if (url != null) {
                o.put("url", url);
            }
            if (secret != null) {
                o.put("secret", secret);
            }
            if (!to.isEmpty()) {
                ArrayNode a = o.putArray("to");
                to.forEach(a::add);
            }
            if (language != null) {
                o.put("language", language);
            }
            return o;
        }
    }

    /** The rule with this id. */
    public AlarmRule withId(long newId) {
        return new AlarmRule(newId, name, missionId, campId, condition, threshold, duration, severity, channels,
            quietHours, ratePerHour, enabled, source);
    }

    /** The channels as stored. */
    public ArrayNode channelsJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        channels.forEach(ch -> a.add(ch.json()));
        return a;
    }

    /** The rule as the API serves it (secrets are only named in a rule, so nothing is hidden). */
    public ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            o.put("id", id);
        }
        o.put("name", name).put("mission", missionId).put("camp", campId).put("condition", condition.id())
            .put("threshold", threshold).put("duration", duration == null ? null : Durations.format(duration))
            .put("severity", severity.id());
        o.set("channels", channelsJson());
        o.set("quietHours", quietHours);
        o.put("ratePerHour", ratePerHour).put("enabled", enabled).put("source", source);
        return o;
    }
}
