package org.smartcamp.ingest.store;

import java.util.Map;
import org.smartcamp.ingest.wire.RejectReason;

/**
 * What a committed batch did.
 *
 * @param stored       readings newly stored
 * @param duplicates   readings already stored before (or twice in the batch): same asset, metric and event time
 * @param deadLettered dead letters of the batch (the decoder's and the store's; a redelivered one is kept once)
 * @param refused      readings and messages the store itself refused (camp, asset and unit rules), by reason
 */
public record WriteResult(int stored, int duplicates, int deadLettered, Map<RejectReason, Integer> refused) {

    public WriteResult {
        refused = Map.copyOf(refused);
    }

    /** A result with no store-side refusals. */
    public WriteResult(int stored, int duplicates, int deadLettered) {
        this(stored, duplicates, deadLettered, Map.of());
    }
}
