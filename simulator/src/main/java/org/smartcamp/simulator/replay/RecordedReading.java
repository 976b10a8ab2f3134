package org.smartcamp.simulator.replay;

import java.time.Instant;
import org.smartcamp.ingest.wire.Reading;

/**
 * One reading of a recorded file with where it came from.
 *
 * @param reading the reading, with its original event time
 * @param mission mission id, or {@code null} when the file does not say (CSV)
 * @param camp    camp id
 * @param gateway gateway id, or {@code null} when the file does not say (CSV)
 * @param sent    when the gateway sent it, or {@code null} when the file does not say (CSV)
 */
public record RecordedReading(Reading reading, String mission, String camp, String gateway, Instant sent) {
}
