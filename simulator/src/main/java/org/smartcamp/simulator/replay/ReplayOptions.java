package org.smartcamp.simulator.replay;

import java.nio.file.Path;
import java.util.Objects;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.MqttPublisherConfig;

/**
 * What the launcher asks of a replay.
 *
 * @param file      recorded JSONL or long CSV file
 * @param mqtt      broker to publish to
 * @param speed     pacing against the recorded times
 * @param mission   mission id for readings whose file does not name one (CSV)
 * @param gateway   gateway id for readings whose file does not name one (CSV)
 * @param batchSize most readings per message (at most the wire limit)
 */
public record ReplayOptions(Path file, MqttPublisherConfig mqtt, Speed speed, String mission, String gateway,
                            int batchSize) {

    public ReplayOptions {
        Objects.requireNonNull(file, "file");
        speed = speed == null ? Speed.MAX : speed;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
    }
}
