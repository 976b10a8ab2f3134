package org.smartcamp.simulator.truth;

import java.util.Locale;

/** Where a fuel tank's litres went or came from. */
public enum TankFlow {
    /** Burned by the generators it feeds. */
    CONSUMED,
    /** Pumped in from another tank. */
    TRANSFER_IN,
    /** Pumped out to another tank. */
    TRANSFER_OUT,
    /** Delivered by a refuel. */
    RECEIVED,
    /** Dispensed into vehicles. */
    DISPENSED,
    /** Taken by theft. */
    STOLEN,
    /** Lost through a leak. */
    LEAKED;

    /** The field name in the ground-truth file, e.g. {@code transfer_in_l}. */
    public String field() {
        return name().toLowerCase(Locale.ROOT) + "_l";
    }
}
