package org.smartcamp.simulator.scenario;

import java.time.Duration;

/** Which gateway carries an asset's readings and how often the asset reports. */
public record Reporting(String gateway, Duration interval) {
}
