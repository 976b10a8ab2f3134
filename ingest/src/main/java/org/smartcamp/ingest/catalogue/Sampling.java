package org.smartcamp.ingest.catalogue;

import java.util.Locale;

/** What one reading of a metric stands for, so that analyses integrate it the right way. */
public enum Sampling {
    /** The value at the reading's timestamp: a level, a counter, a state, a temperature. */
    INSTANT,
    /** A mean over the interval before the timestamp, as meters report rates: power, flow, current. */
    AVERAGED;

    /** The name the API serves, e.g. {@code instant}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
