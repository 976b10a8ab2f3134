package org.smartcamp.simulator.truth;

import java.time.Instant;

/**
 * A gateway's uplink outage and what it held back.
 *
 * @param gateway         gateway id
 * @param start           when the link went down
 * @param end             when it came back (clipped to the end of the run)
 * @param backlogReadings readings buffered meanwhile and sent afterwards with their original times
 * @param deliveredAt     when the backlog was sent
 */
public record OutageWindow(String gateway, Instant start, Instant end, long backlogReadings, Instant deliveredAt) {
}
