package org.smartcamp.ingest.wire.sparkplug;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the ingest speaks Sparkplug B.
 *
 * @param enabled         whether the ingest subscribes to Sparkplug topics at all ({@code sparkplug.enabled})
 * @param hostId          the primary host id: its {@code spBv1.0/STATE/{hostId}} message ({@code sparkplug.hostId})
 * @param group           the one group (mission) to subscribe to, or {@code null} for every group
 *                        ({@code sparkplug.group})
 * @param rebirthInterval least time between two rebirth requests to one edge node ({@code sparkplug.rebirthInterval})
 * @param seenMessages    how many recent message digests are kept to recognise a redelivery of a message already
 *                        taken (at least twice the broker's receive maximum)
 * @param retainState     whether the host's STATE (and its will) is retained, as Sparkplug 3.0 requires
 *                        ({@code sparkplug.retainState}); off only for a broker without retained messages
 */
public record SparkplugConfig(boolean enabled, String hostId, String group, Duration rebirthInterval,
                              int seenMessages, boolean retainState) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern GROUP = Pattern.compile("[^/+#]{1,128}");

    /** Off. */
    public static final SparkplugConfig DISABLED = new SparkplugConfig(false, "smartcamp", null, Duration.ofSeconds(5),
        10_000, true);

    public SparkplugConfig {
        Objects.requireNonNull(hostId, "hostId");
        if (!ID.matcher(hostId).matches()) {
            throw new IllegalArgumentException("sparkplug.hostId '" + hostId + "' must be 1 to 64 letters, digits,"
                + " '.', '_' or '-'");
        }
        if (group != null && !GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("sparkplug.group '" + group + "' must be a Sparkplug group id: 1 to 128"
                + " characters without '/', '+' or '#'");
        }
        if (rebirthInterval.isNegative() || rebirthInterval.isZero()) {
            throw new IllegalArgumentException("sparkplug.rebirthInterval must be positive");
        }
        if (seenMessages < 1) {
            throw new IllegalArgumentException("the seen-message window must be positive");
        }
    }

    /** Sparkplug on, as host {@code hostId}, for every group. */
    public static SparkplugConfig enabled(String hostId) {
        return new SparkplugConfig(true, hostId, null, Duration.ofSeconds(5), 10_000, true);
    }
}
