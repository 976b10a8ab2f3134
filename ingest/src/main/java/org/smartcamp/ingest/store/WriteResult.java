package org.smartcamp.ingest.store;

/**
 * What a committed batch did.
 *
 * @param stored       readings newly stored
 * @param duplicates   readings already stored before (or twice in the batch): same asset, metric and event time
 * @param deadLettered dead-letter rows written (including readings the registry refused)
 */
public record WriteResult(int stored, int duplicates, int deadLettered) {
}
