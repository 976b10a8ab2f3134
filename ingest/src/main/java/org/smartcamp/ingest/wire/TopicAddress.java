package org.smartcamp.ingest.wire;

import java.util.regex.Pattern;

/**
 * Where a telemetry message comes from, as its topic names it:
 * {@code smartcamp/v1/{mission}/{camp}/{gateway}/telemetry}.
 */
public record TopicAddress(String mission, String camp, String gateway) {

    /** The versioned root of every SmartCamp topic. */
    public static final String ROOT = "smartcamp/v1";
    /** The last topic level of telemetry messages. */
    public static final String TELEMETRY = "telemetry";
    /** Ids of missions, camps, gateways and assets: lower case, digits, '-', '_' and '.', 1 to 64 long. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public TopicAddress {
        requireId("mission", mission);
        requireId("camp", camp);
        requireId("gateway", gateway);
    }

    /** The topic this gateway publishes its telemetry to. */
    public String telemetryTopic() {
        return ROOT + "/" + mission + "/" + camp + "/" + gateway + "/" + TELEMETRY;
    }

    /** The subscription filter for the telemetry of every camp of {@code mission}, or all missions if null. */
    public static String telemetryFilter(String mission) {
        return ROOT + "/" + (mission == null ? "+" : mission) + "/+/+/" + TELEMETRY;
    }

    /**
     * Parses a telemetry topic.
     *
     * @throws WireFormatException (reason {@code invalid_topic}) when the topic is not of the v1 form
     */
    public static TopicAddress parse(String topic) {
        String[] levels = topic == null ? new String[0] : topic.split("/", -1);
        if (levels.length != 6 || !"smartcamp".equals(levels[0]) || !"v1".equals(levels[1])
                || !TELEMETRY.equals(levels[5])) {
            throw new WireFormatException(RejectReason.INVALID_TOPIC,
                "topic '" + topic + "' is not of the form " + ROOT + "/{mission}/{camp}/{gateway}/" + TELEMETRY);
        }
        for (int i = 2; i <= 4; i++) {
            if (!WireIds.isId(levels[i])) {
                throw new WireFormatException(RejectReason.INVALID_TOPIC,
                    "topic level '" + levels[i] + "' is not a valid id (" + ID.pattern() + ")");
            }
        }
        return new TopicAddress(levels[2], levels[3], levels[4]);
    }

    private static void requireId(String what, String id) {
        if (id == null || !WireIds.isId(id)) {
            throw new IllegalArgumentException(what + " id '" + id + "' does not match " + ID.pattern());
        }
    }
}
