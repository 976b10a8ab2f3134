package org.smartcamp.simulator;

import java.time.Instant;

/** Told how a long run is going: about every simulated hour, and once at the end. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);

    /**
     * Where a run is.
     *
     * @param simTime      the simulated time reached
     * @param fraction     the part of the run done, 0 to 1
     * @param readingsSent readings sent so far (all gateways, resends included)
     * @param messages     messages sent so far
     */
    record Progress(Instant simTime, double fraction, long readingsSent, long messages) {
    }
}
