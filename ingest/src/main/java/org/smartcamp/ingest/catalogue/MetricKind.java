package org.smartcamp.ingest.catalogue;

import java.util.Locale;

/** How a metric's values behave over time; the lower-case name is {@code metrics.kind} in the database. */
public enum MetricKind {
    /** A level that goes up and down (power, level, temperature). */
    GAUGE,
    /** A running total that only grows, except when the meter is reset (energy, engine hours, fuel used). */
    COUNTER,
    /** 1 or 0 (engine running, hatch open). */
    STATE;

    /** The name in the database and the API, e.g. {@code counter}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
