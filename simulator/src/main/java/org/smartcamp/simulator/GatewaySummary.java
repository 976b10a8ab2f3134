package org.smartcamp.simulator;

import org.smartcamp.ingest.wire.TopicAddress;

/**
 * What one gateway sent in a run.
 *
 * @param address         its topic address
 * @param messages        messages sent once
 * @param readings        readings sent once: the readings the store should hold afterwards
 * @param resentReadings  readings sent again by duplicate resends
 * @param outages         link outages it went through
 * @param backlogReadings readings it held back during outages and sent afterwards
 */
public record GatewaySummary(TopicAddress address, long messages, long readings, long resentReadings, int outages,
                             long backlogReadings) {
}
