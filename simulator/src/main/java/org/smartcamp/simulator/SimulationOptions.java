package org.smartcamp.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;
import org.smartcamp.simulator.gateway.WireProtocol;

/**
 * What the launcher asks of a simulation run. {@code null} means "the scenario's own value" for seed, start and
 * duration, and "not written" for the files.
 *
 * @param scenario    a scenario file, or the name of a bundled scenario
 * @param seed        random seed override
 * @param start       {@code null}, an ISO instant, {@code now} or {@code live} (see {@link StartTime})
 * @param duration    how long to simulate
 * @param speed       pacing when publishing to MQTT (files are always written at full speed)
 * @param mqtt        broker to publish to when {@code out} is {@code null}
 * @param out         JSONL or CSV file to write instead of publishing (by extension: {@code .csv} is CSV)
 * @param groundTruth ground-truth JSON file to write
 * @param inventory   asset inventory YAML file to write
 * @param protocol    what the gateways publish with, overriding the scenario's {@code protocol} ({@code null}:
 *                    the scenario's)
 */
public record SimulationOptions(String scenario, Long seed, String start, Duration duration, Speed speed,
                                MqttPublisherConfig mqtt, Path out, Path groundTruth, Path inventory,
                                WireProtocol protocol) {

    public SimulationOptions {
        Objects.requireNonNull(scenario, "scenario");
        speed = speed == null ? Speed.MAX : speed;
        if (out == null && mqtt == null) {
            throw new IllegalArgumentException("either an output file or a broker is needed");
        }
    }

    /** Options with the scenario's protocol. */
    public SimulationOptions(String scenario, Long seed, String start, Duration duration, Speed speed,
                             MqttPublisherConfig mqtt, Path out, Path groundTruth, Path inventory) {
        this(scenario, seed, start, duration, speed, mqtt, out, groundTruth, inventory, null);
    }
}
