package org.smartcamp.analytics.event;

import java.util.Locale;

/** The kinds of event the analytics detect; {@link #id()} is the name stored and served. */
public enum EventKind {
    /** Fuel delivered into a tank (or a vehicle). */
    REFUEL,
    /** A refuel that delivered noticeably less than its delivery record says. */
    SHORT_FILL,
    /** A sudden loss not explained by consumption (theft, drain, pilferage). */
    THEFT,
    /** A slow, sustained loss not explained by consumption. */
    LEAK,
    /** A generator running below the low-load threshold for a sustained time. */
    LOW_LOAD,
    /** A generator above the overload threshold. */
    OVERLOAD,
    /** A generator whose specific fuel consumption drifted above its expected curve. */
    SFC_DEGRADATION,
    /** No power from any source while the camp needed it. */
    OUTAGE,
    /** A sensor that stopped reporting. */
    STALE_SENSOR,
    /** A sensor whose value stays unchanged longer than its noise allows. */
    FLATLINE;

    /** Lower-case name, e.g. {@code short_fill}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of this id.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static EventKind ofId(String id) {
        for (EventKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind: " + id);
    }
}
