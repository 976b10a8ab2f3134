package org.smartcamp.simulator.engine;

import org.smartcamp.ingest.wire.Reading;

/** Where the sensors put their readings: the gateway (local id) that carries them. */
@FunctionalInterface
public interface ReadingSink {
    void accept(String gateway, Reading reading);
}
